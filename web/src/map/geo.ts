// The world as SVG paths: world-atlas (Natural Earth 1:110m) projected once; features keyed by ISO alpha-2.
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json' with { type: 'json' };
import { countryByNumeric } from '../lib/countries.ts';

export interface CountryShape {
  /** ISO 3166-1 alpha-2, or '' for territories without an ISO code in the atlas (N. Cyprus, Somaliland, Kosovo). */
  code: string;
  /** The atlas's own short name, for shapes without a code. */
  atlasName: string;
  d: string;
  /** Where a label or tooltip anchors. */
  centroid: [number, number];
}

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

let cached: CountryShape[] | undefined;

/** The projected shapes, computed on first use. Antarctica is left out: no transfer goes there. */
export function worldShapes(): CountryShape[] {
  if (cached) return cached;
  const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const features = fc.features.filter((f) => f.id !== '010');
  const projection = geoEqualEarth().fitExtent([[4, 4], [MAP_WIDTH - 4, MAP_HEIGHT - 4]], { type: 'FeatureCollection', features });
  const path = geoPath(projection);
  cached = features.map((f: Feature<Geometry, { name: string }>) => {
    const c = f.id === undefined ? undefined : countryByNumeric(f.id);
    const [x, y] = path.centroid(f);
    return { code: c?.code ?? '', atlasName: f.properties?.name ?? '', d: path(f) ?? '', centroid: [x, y] as [number, number] };
  }).filter((s) => s.d !== '');
  return cached;
}
