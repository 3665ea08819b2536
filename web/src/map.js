// The map island: an offline basemap of Natural Earth country shapes
// (world-atlas TopoJSON, served by dossier itself) and a marker for each
// place the documents name, from /api/v1/places. No tile server is asked
// for anything.
import L from 'leaflet';
import { feature } from 'topojson-client';
import 'leaflet/dist/leaflet.css';

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

async function getJSON(url) {
  const resp = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!resp.ok) throw new Error(url + ': ' + resp.status);
  return resp.json();
}

// popup builds a marker's popup from data, as DOM nodes: names and titles
// come from articles and are never parsed as HTML.
function popup(p) {
  const box = document.createElement('div');
  box.className = 'place-popup';
  const h = document.createElement('strong');
  h.textContent = p.name + (p.country ? ' (' + p.country + ')' : '');
  box.appendChild(h);
  const meta = document.createElement('div');
  meta.className = 'meta';
  const n = p.document_count;
  meta.textContent = n + (n === 1 ? ' document' : ' documents') + ' · ' + p.mentions + ' mentions' +
    (p.names.length > 1 || p.names[0] !== p.name ? ' · as ' + p.names.join(', ') : '');
  box.appendChild(meta);
  const ul = document.createElement('ul');
  for (const d of p.documents) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '/documents/' + encodeURIComponent(d.id);
    a.textContent = d.title || d.id.slice(0, 19);
    li.appendChild(a);
    ul.appendChild(li);
  }
  box.appendChild(ul);
  return box;
}

// unwrap moves the parts of a country that lie across the antimeridian
// (Russia's far east, Fiji) east of 180°, so that no edge runs across the
// whole map. Antarctica, which only the projection's edge cuts, is left out.
function unwrap(countries) {
  countries.features = countries.features.filter((f) => f.id !== '010');
  for (const f of countries.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const rings = polys.flat();
    const jumps = rings.some((r) => r.some((p, i) => i > 0 && Math.abs(p[0] - r[i - 1][0]) > 180));
    if (!jumps) continue;
    for (const r of rings) for (const p of r) if (p[0] < 0) p[0] += 360;
  }
  return countries;
}

async function init() {
  const el = document.getElementById('map');
  if (!el) return;
  const map = L.map(el, { minZoom: 1, maxZoom: 11, zoomSnap: 0.5, worldCopyJump: false });
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution('Basemap: Natural Earth · places: GeoNames');
  map.setView([25, 70], 3);

  const [topo, data] = await Promise.all([getJSON(el.dataset.basemap), getJSON(el.dataset.places)]);
  const land = () => ({ color: cssVar('--map-border'), weight: 0.6, fillColor: cssVar('--map-land'), fillOpacity: 1 });
  const countries = L.geoJSON(unwrap(feature(topo, topo.objects.countries)), { style: land, interactive: false }).addTo(map);

  const dot = () => ({ color: cssVar('--map-marker-line'), weight: 1.5, fillColor: cssVar('--map-marker'), fillOpacity: 0.85 });
  const markers = [];
  for (const p of data.places) {
    const m = L.circleMarker([p.lat, p.lon], { ...dot(), radius: 5 + 3 * Math.sqrt(p.document_count), className: 'place-marker' });
    m.bindPopup(popup(p));
    m.bindTooltip(p.name);
    m.addTo(map);
    markers.push(m);
  }
  if (markers.length) {
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 6 });
  }
  el.dataset.markers = String(markers.length);
  el.classList.add('ready');

  document.addEventListener('dossier:theme', () => {
    countries.setStyle(land);
    for (const m of markers) m.setStyle(dot());
  });
}

init().catch((err) => {
  const el = document.getElementById('map');
  if (el) {
    el.classList.add('failed');
    el.textContent = 'The map could not be drawn: ' + err.message;
  }
  throw err;
});
