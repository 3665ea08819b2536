// The network island: the ego network of an entity from
// /api/v1/entities/{id}/network, drawn with cytoscape.js on a canvas.
// Entities are coloured by type and sized by centrality; links are
// labelled with their relation types and dashed when every claim behind
// them is hedged or anonymous. A click on an entity opens its profile; a
// click on a link shows its evidence in the side panel, built with
// textContent (article text is never parsed as HTML). Up to a few hundred
// entities the layout is force-directed; past that, rings by centrality,
// whose cost grows with the entities rather than with their pairs.
import cytoscape from 'cytoscape';

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

async function getJSON(url) {
  const resp = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!resp.ok) throw new Error(url + ': ' + resp.status);
  return resp.json();
}

const words = (s) => s.replace(/_/g, ' ');

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function docLink(c) {
  const a = el('a', '', c.title || c.doc.slice(0, 19));
  a.href = '/documents/' + encodeURIComponent(c.doc);
  return a;
}

// showEdge fills the side panel with the evidence of one link.
function showEdge(edge, names) {
  const title = document.getElementById('edge-title');
  const hint = document.getElementById('edge-hint');
  const list = document.getElementById('edge-evidence');
  title.textContent = names[edge.source] + ' — ' + names[edge.target];
  const sources = edge.weight === 1 ? '1 independent source' : edge.weight + ' independent sources';
  hint.textContent = edge.predicates.map(words).join(', ') + ' · ' + sources +
    (edge.hedged ? ' · hedged' : '') + (edge.anonymous ? ' · anonymous only' : '');
  list.replaceChildren();
  for (const c of edge.claims) {
    const li = el('li', 'src');
    li.appendChild(el('q', '', c.evidence.text || ''));
    const meta = el('span', 'src-meta');
    const what = c.role ? c.role + ' of ' + words(c.predicate) : words(c.predicate);
    meta.appendChild(el('span', 'pred', what));
    meta.appendChild(document.createTextNode(' · '));
    meta.appendChild(docLink(c));
    meta.appendChild(document.createTextNode(' '));
    meta.appendChild(el('span', 'badge attr-' + c.attribution_kind, c.attribution_text ? c.attribution_kind + ': ' + c.attribution_text : c.attribution_kind));
    if (c.modality !== 'asserted') {
      meta.appendChild(document.createTextNode(' '));
      meta.appendChild(el('span', 'badge mod mod-' + c.modality, c.modality));
    }
    li.appendChild(document.createTextNode(' '));
    li.appendChild(meta);
    list.appendChild(li);
  }
  document.getElementById('edge-panel').classList.add('open');
}

function style(big) {
  const types = ['PERSON', 'ORG', 'GPE', 'LOC', 'FAC', 'NORP', 'EVENT', 'MISC'];
  const s = [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        'background-color': cssVar('--MISC'),
        'border-width': 1.5,
        'border-color': cssVar('--muted'),
        color: cssVar('--fg'),
        'font-size': 11,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': 140,
        'text-background-color': cssVar('--bg'),
        'text-background-opacity': 0.75,
        'text-background-padding': 1,
        width: 'mapData(centrality, 0, 1, 18, 64)',
        height: 'mapData(centrality, 0, 1, 18, 64)',
      },
    },
    { selector: 'node[?centre]', style: { 'border-width': 4, 'border-color': cssVar('--accent'), 'font-weight': 'bold' } },
    {
      selector: 'edge',
      style: {
        label: 'data(label)',
        width: 'mapData(weight, 1, 5, 1.5, 6)',
        'line-color': cssVar('--evidence'),
        'curve-style': 'bezier',
        'font-size': 9,
        color: cssVar('--muted'),
        'text-rotation': 'autorotate',
        'text-background-color': cssVar('--bg'),
        'text-background-opacity': 0.85,
        'text-background-padding': 1,
      },
    },
    { selector: 'edge[?dashed]', style: { 'line-style': 'dashed', 'line-color': cssVar('--hedged') } },
    { selector: 'edge:selected', style: { 'line-color': cssVar('--lit'), width: 6 } },
    { selector: 'node:selected', style: { 'border-color': cssVar('--lit'), 'border-width': 4 } },
  ];
  for (const t of types) {
    s.splice(1, 0, { selector: 'node[type = "' + t + '"]', style: { 'background-color': cssVar('--' + t) } });
  }
  if (big) {
    // Labels too small to read are not drawn, which keeps panning smooth.
    // Straight "haystack" links are the quickest to draw.
    s.push({ selector: 'node', style: { 'min-zoomed-font-size': 8 } },
      { selector: 'edge', style: { 'min-zoomed-font-size': 8, 'curve-style': 'haystack', 'haystack-radius': 0 } });
  }
  return s;
}

// BIG is the size from which the force-directed layout, whose every step
// weighs each pair of entities, gives way to rings by centrality, which
// stay quick at thousands of entities.
const BIG = 400;

function layout(n) {
  if (n < BIG) {
    return {
      name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 400000,
      idealEdgeLength: () => 90, nodeOverlap: 40, gravity: 0.4, numIter: 2500, padding: 30,
    };
  }
  return {
    name: 'concentric', animate: false, padding: 30, minNodeSpacing: 6, avoidOverlap: false,
    // The centre in the middle, then rings of less and less central entities.
    concentric: (node) => (node.data('centre') ? 100 : Math.round(node.data('centrality') * 20)),
    levelWidth: () => 1,
  };
}

// cytoscape adds a <style> element for its container's position unless an
// element with this id exists; the CSP forbids inline style, so the place
// is taken first and app.css positions the container.
function keepStylesOut() {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const mark = document.createElement('meta');
  mark.id = id;
  document.head.appendChild(mark);
}

async function init() {
  const box = document.getElementById('network');
  if (!box) return;
  keepStylesOut();
  const status = document.getElementById('network-status');
  const data = await getJSON(box.dataset.src);
  // Marks for the browser benchmark: data in hand, then graph drawn.
  performance.mark('network-data');
  const names = {};
  const elements = [];
  for (const n of data.nodes) {
    names[n.id] = n.name;
    elements.push({ group: 'nodes', data: { id: n.id, name: n.name, type: n.type, centrality: n.centrality, centre: !!n.centre } });
  }
  const edges = {};
  for (const e of data.edges) {
    edges[e.id] = e;
    elements.push({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, label: e.predicates.map(words).join(', '), weight: e.weight, dashed: e.hedged || e.anonymous },
    });
  }
  const big = data.nodes.length >= BIG;
  const cy = cytoscape({
    container: box,
    elements,
    style: style(big),
    layout: layout(data.nodes.length),
    // Past a few hundred entities, pans and zooms move a picture of the
    // graph and draw it again when they end.
    hideEdgesOnViewport: big,
    textureOnViewport: big,
    minZoom: 0.2,
    maxZoom: 3,
    wheelSensitivity: 0.3,
  });
  cy.on('tap', 'node', (ev) => {
    window.location.href = '/entities/' + encodeURIComponent(ev.target.id());
  });
  cy.on('tap', 'edge', (ev) => {
    const e = edges[ev.target.id()];
    if (e) showEdge(e, names);
  });
  cy.on('mouseover', 'node, edge', () => box.classList.add('pointing'));
  cy.on('mouseout', 'node, edge', () => box.classList.remove('pointing'));
  document.addEventListener('dossier:theme', () => cy.style(style(big)));
  // For the browser tests and for readers' own scripts.
  window.dossierNetwork = cy;
  box.dataset.nodes = String(cy.nodes().length);
  box.dataset.edges = String(cy.edges().length);
  box.classList.add('ready');
  performance.mark('network-drawn');
  if (status) {
    status.textContent = data.nodes.length + ' entities, ' + data.edges.length + ' links' +
      (data.truncated ? ' (the most central shown; filter to see the rest)' : '') +
      (data.edges.length === 0 ? ': no claim links this entity to another with these filters.' : '.');
  }
}

init().catch((err) => {
  const box = document.getElementById('network');
  if (box) {
    box.classList.add('failed');
    box.textContent = 'The network could not be drawn: ' + err.message;
  }
  throw err;
});
