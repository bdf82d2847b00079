// Province shapes for the choropleth: the GeoJSON of either geography, projected in a few lines
// (equirectangular, longitudes shortened by the cosine of the middle latitude so the country is
// not stretched) and reduced to the points that make a visible difference at the drawn size.
import url2024 from '../../../refdata/geo/vn-provinces-63.geojson?url';
import url2025 from '../../../refdata/geo/vn-provinces-34.geojson?url';

type Ring = [number, number][];
interface Feature {
  properties: { code: string; name: string; full_name?: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}
interface FeatureCollection {
  features: Feature[];
}

export interface ProvinceShape {
  code: string;
  name: string;
  d: string;
}

export interface ProjectedMap {
  width: number;
  height: number;
  shapes: ProvinceShape[];
}

const polygons = (f: Feature): Ring[][] =>
  f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;

export function projectMap(collection: FeatureCollection, width: number): ProjectedMap {
  let minLon = Infinity;
  let maxLon = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const f of collection.features)
    for (const polygon of polygons(f))
      for (const ring of polygon)
        for (const [lon, lat] of ring) {
          minLon = Math.min(minLon, lon);
          maxLon = Math.max(maxLon, lon);
          minLat = Math.min(minLat, lat);
          maxLat = Math.max(maxLat, lat);
        }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = width / ((maxLon - minLon) * kx);
  const height = Math.ceil((maxLat - minLat) * scale);
  const x = (lon: number) => (lon - minLon) * kx * scale;
  const y = (lat: number) => (maxLat - lat) * scale;

  const shapes = collection.features.map((f) => {
    const parts: string[] = [];
    for (const polygon of polygons(f))
      for (const ring of polygon) {
        const points: string[] = [];
        let lastX = NaN;
        let lastY = NaN;
        for (const [lon, lat] of ring) {
          const px = x(lon);
          const py = y(lat);
          // Points closer than half a pixel to the last one kept change nothing on screen.
          if (Math.abs(px - lastX) < 0.5 && Math.abs(py - lastY) < 0.5) continue;
          points.push(`${px.toFixed(1)} ${py.toFixed(1)}`);
          lastX = px;
          lastY = py;
        }
        if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
      }
    return { code: f.properties.code, name: f.properties.full_name ?? f.properties.name, d: parts.join('') };
  });
  return { width, height, shapes };
}

/** The projected provinces of a geography (kept by the map's query, asked when a map is first shown). */
export function loadMap(generation: 2024 | 2025, signal?: AbortSignal): Promise<ProjectedMap> {
  return fetch(generation === 2025 ? url2025 : url2024, { signal })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<FeatureCollection>;
    })
    .then((collection) => projectMap(collection, 600));
}

/** Up to five classes for the legend: 1, 2, 3… when counts are small, even steps otherwise. */
export function classBreaks(max: number): number[] {
  if (max <= 0) return [];
  if (max <= 5) return Array.from({ length: max }, (_, i) => i + 1);
  const step = Math.ceil(max / 5);
  return [1, step + 1, 2 * step + 1, 3 * step + 1, 4 * step + 1].filter((b) => b <= max);
}

export function classOf(value: number, breaks: readonly number[]): number {
  let index = -1;
  breaks.forEach((b, i) => {
    if (value >= b) index = i;
  });
  return index;
}
