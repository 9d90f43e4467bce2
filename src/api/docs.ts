// A self-contained page that renders the OpenAPI document: no CDN, no build step.
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>gensoku API</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{background:#1d3557;color:#fff;padding:1rem 2rem}header h1{margin:0;font-size:1.4rem}
main{max-width:70rem;margin:0 auto;padding:1rem 2rem}
h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
details{background:#fff;border:1px solid #ddd;border-radius:6px;margin:.4rem 0}
summary{cursor:pointer;padding:.5rem .8rem;display:flex;gap:.8rem;align-items:baseline}
.m{font:bold 12px monospace;padding:.15rem .45rem;border-radius:4px;color:#fff;min-width:3.5rem;text-align:center}
.get{background:#2a9d8f}.post{background:#457b9d}.put,.patch{background:#e9c46a;color:#222}.delete{background:#e63946}
.p{font-family:monospace}.roles{margin-left:auto;font-size:12px;color:#555}
.body{padding:0 1rem 1rem}pre{background:#f1f1f1;padding:.6rem;overflow:auto;font-size:12px;max-height:24rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left;font-size:13px}
</style></head>
<body><header><h1>gensoku API</h1><div id="desc"></div></header><main id="main">Loading /api/openapi.json…</main>
<script>
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));
fetch('/api/openapi.json').then((r) => r.json()).then((doc) => {
  document.getElementById('desc').textContent = doc.info.description + ' Version ' + doc.info.version + '.';
  const byTag = {};
  for (const [path, ops] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(ops)) (byTag[op.tags[0]] ??= []).push({ path, method, op });
  let html = '<p>Download the document: <a href="/api/openapi.json">/api/openapi.json</a>. Errors are <code>application/problem+json</code> with every problem listed.</p>';
  for (const [tag, list] of Object.entries(byTag)) {
    html += '<h2>' + esc(tag) + '</h2>';
    for (const { path, method, op } of list) {
      html += '<details><summary><span class="m ' + method + '">' + method.toUpperCase() + '</span><span class="p">' + esc(path) + '</span><span>' + esc(op.summary) + '</span><span class="roles">' + esc(op['x-roles'].join(', ')) + '</span></summary><div class="body">';
      html += '<p>' + esc(op.description || '') + '</p>';
      if (op.parameters) html += '<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>' + op.parameters.map((p) => '<tr><td>' + esc(p.name) + '</td><td>' + p.in + '</td><td>' + (p.required ? 'yes' : '') + '</td><td><code>' + esc(JSON.stringify(p.schema)) + '</code></td></tr>').join('') + '</table>';
      if (op.requestBody) { const [type, media] = Object.entries(op.requestBody.content)[0]; html += '<h4>Request body (' + esc(type) + ')</h4>' + (op.requestBody.description ? '<p>' + esc(op.requestBody.description) + '</p>' : '') + '<pre>' + esc(JSON.stringify(media.schema, null, 2)) + '</pre>'; }
      html += '<h4>Responses</h4>' + Object.entries(op.responses).map(([s, r]) => '<div><b>' + s + '</b> ' + esc(r.description) + (r.content ? '<pre>' + esc(JSON.stringify(Object.values(r.content)[0].schema, null, 2)) + '</pre>' : '') + '</div>').join('');
      html += '</div></details>';
    }
  }
  document.getElementById('main').innerHTML = html;
}).catch((e) => { document.getElementById('main').textContent = 'Could not load the document: ' + e; });
</script></body></html>`;
