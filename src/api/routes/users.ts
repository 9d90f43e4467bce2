// User administration: admins change, auditors read.
import { z } from 'zod';
import { userCreateSchema, userUpdateSchema } from '../../cases/schema.ts';
import { createUser, publicUser, updateUser } from '../../cases/users.ts';
import { notFound } from '../../cases/failure.ts';
import { ROLES } from '../../cases/model.ts';
import { ok, type RouteModule } from '../route.ts';

/** A user as the API shows one (never the password hash): what publicUser returns. */
export const userOut = z.object({
  id: z.string(), username: z.string(), role: z.enum(ROLES), org: z.string().nullable(), disabled: z.boolean(), version: z.int(), createdAt: z.string(), updatedAt: z.string(),
});

export const users: RouteModule = {
  name: 'users',
  routes: [
    {
      method: 'get', path: '/api/v1/users', operationId: 'listUsers', summary: 'List users', tag: 'users', access: ['admin', 'auditor'],
      responses: { 200: { description: 'Users', schema: z.object({ users: z.array(userOut) }) } },
      handler: async ({ services }) => ok({ users: (await services.deps.store.users.list()).map(publicUser) }),
    },
    {
      method: 'post', path: '/api/v1/users', operationId: 'createUser', summary: 'Create a user', tag: 'users', access: ['admin'], body: userCreateSchema,
      responses: { 201: { description: 'The user', schema: userOut } },
      async handler({ services, rc, body }) {
        const now = services.deps.now();
        const r = await createUser(services.deps.store, { actor: rc.actor.username, at: now.toISOString(), requestId: rc.requestId }, body, now);
        return r.ok ? ok(publicUser(r.value), 201) : r;
      },
    },
    {
      method: 'get', path: '/api/v1/users/:id', operationId: 'getUser', summary: 'Read a user', tag: 'users', access: ['admin', 'auditor'],
      responses: { 200: { description: 'The user', schema: userOut } },
      async handler({ services, params }) {
        const u = await services.deps.store.users.get(params.id);
        return u ? ok(publicUser(u)) : notFound('user');
      },
    },
    {
      method: 'patch', path: '/api/v1/users/:id', operationId: 'updateUser', summary: 'Change a user', tag: 'users', access: ['admin'], body: userUpdateSchema,
      responses: { 200: { description: 'The user', schema: userOut } },
      async handler({ services, rc, params, body }) {
        const now = services.deps.now();
        const r = await updateUser(services.deps.store, { actor: rc.actor.username, at: now.toISOString(), requestId: rc.requestId }, params.id, body, now);
        return r.ok ? ok(publicUser(r.value)) : r;
      },
    },
  ],
};
