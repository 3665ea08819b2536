// The timeline island: every event of /api/v1/timeline (the page's
// filters but not its dates) as a dot on a date axis, drawn in SVG, with a
// zoom: two sliders for the start and end of the period shown, buttons,
// the mouse wheel, and the keyboard (+ and - zoom, the arrows pan, 0 shows
// everything) on the axis. Zooming shows only the listed events of that
// period and puts its dates in the filter form, whose Apply lists them all.
// Names and sentences go into the page as text only.

const SVG = 'http://www.w3.org/2000/svg';
const DAY = 86400000;
// At most this many events are drawn (four pages of the API).
const MAX_EVENTS = 2000;

async function getJSON(url) {
  const resp = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!resp.ok) throw new Error(url + ': ' + resp.status);
  return resp.json();
}

// day returns the day number of "2026", "2026-04" or "2026-04-21".
function day(when) {
  const [y, m, d] = when.split('-').map(Number);
  return Math.floor(Date.UTC(y, (m || 1) - 1, d || 1) / DAY);
}

const iso = (n) => new Date(n * DAY).toISOString().slice(0, 10);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function svg(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

// ticks returns the labelled days of the axis between from and to (day
// numbers, to excluded): days, weeks, months or years as the span asks.
function ticks(from, to, width) {
  const span = to - from;
  const most = Math.max(2, Math.floor(width / 70));
  const out = [];
  for (const step of [1, 2, 7, 14]) {
    if (span / step <= most) {
      // Weeks start on Mondays (1970-01-01, day 0, was a Thursday).
      const first = step >= 7 ? from + ((4 - (from % 7) + 7) % 7) : from;
      for (let d = first; d < to; d += step) {
        const t = new Date(d * DAY);
        out.push({ day: d, label: t.getUTCDate() + ' ' + MONTHS[t.getUTCMonth()] });
      }
      return out;
    }
  }
  const start = new Date(from * DAY);
  for (const months of [1, 3, 6, 12, 24, 60]) {
    const count = span / (30.44 * months);
    if (count > most && months < 60) continue;
    let y = start.getUTCFullYear();
    let m = Math.ceil(start.getUTCMonth() / months) * months;
    for (;;) {
      y += Math.floor(m / 12);
      m %= 12;
      const d = Math.floor(Date.UTC(y, m, 1) / DAY);
      if (d >= to) break;
      if (d >= from) out.push({ day: d, label: months >= 12 ? String(y) : MONTHS[m] + ' ' + y });
      m += months;
    }
    return out;
  }
  return out;
}

async function init() {
  const box = document.getElementById('timeline');
  if (!box) return;
  const axis = document.getElementById('timeline-axis');
  const status = document.getElementById('timeline-status');
  const zoom = document.getElementById('timeline-zoom');
  const startIn = document.getElementById('zoom-start');
  const endIn = document.getElementById('zoom-end');
  const rangeText = document.getElementById('zoom-range');
  const form = document.getElementById('timeline-filters');
  const fromIn = form && form.elements.namedItem('from');
  const toIn = form && form.elements.namedItem('to');
  const asked = { from: fromIn ? fromIn.value : '', to: toIn ? toIn.value : '' };
  const items = Array.from(document.querySelectorAll('#events li[data-when]'));

  // Every event of the filters, whatever the dates, for the whole axis.
  const src = new URL(box.dataset.src, location.href);
  src.searchParams.delete('from');
  src.searchParams.delete('to');
  src.searchParams.set('limit', '500');
  const events = [];
  let truncated = false;
  for (let offset = 0; ; ) {
    src.searchParams.set('offset', String(offset));
    const page = await getJSON(src.pathname + src.search);
    events.push(...page.events);
    truncated = truncated || page.truncated;
    if (page.next_offset == null) break;
    if (events.length >= MAX_EVENTS) {
      truncated = true;
      break;
    }
    offset = page.next_offset;
  }
  for (const e of events) e.day = day(e.when);

  // The whole span, a week at least, and the view: [v0, v1), in days.
  let d0 = day(box.dataset.first);
  let d1 = day(box.dataset.last) + 1;
  if (d1 - d0 < 7) {
    const pad = Math.ceil((7 - (d1 - d0)) / 2);
    d0 -= pad;
    d1 += pad;
  }
  let v0 = asked.from ? Math.max(d0, day(asked.from)) : d0;
  let v1 = asked.to ? Math.min(d1, day(asked.to) + (asked.to.length === 10 ? 1 : asked.to.length === 7 ? 31 : 366)) : d1;
  if (v1 <= v0) {
    v0 = d0;
    v1 = d1;
  }

  const set = (a, b, fromForm) => {
    let span = Math.max(1, Math.round(b - a));
    span = Math.min(span, d1 - d0);
    a = Math.round(a);
    a = Math.min(Math.max(a, d0), d1 - span);
    v0 = a;
    v1 = a + span;
    draw(fromForm);
  };

  function draw(fromForm) {
    const width = Math.max(axis.clientWidth, 200);
    const height = 150;
    const base = height - 34;
    const x = (d) => ((d - v0) / (v1 - v0)) * width;
    const chart = svg('svg', { width, height, viewBox: '0 0 ' + width + ' ' + height, class: 'timeline-svg', 'aria-hidden': 'true' });
    chart.appendChild(svg('line', { x1: 0, x2: width, y1: base, y2: base, class: 'axis-line' }));
    for (const t of ticks(v0, v1, width)) {
      const tx = x(t.day);
      chart.appendChild(svg('line', { x1: tx, x2: tx, y1: base, y2: base + 6, class: 'tick' }));
      const label = svg('text', { x: tx + 3, y: base + 20, class: 'tick-label' });
      label.textContent = t.label;
      chart.appendChild(label);
    }
    // One dot per event, stacked where they fall on the same spot.
    const stacks = new Map();
    let shown = 0;
    for (const e of events) {
      if (e.day < v0 || e.day >= v1) continue;
      shown++;
      const cx = x(e.day + 0.5);
      const bucket = Math.round(cx / 9);
      const k = stacks.get(bucket) || 0;
      stacks.set(bucket, k + 1);
      if (k >= 10) continue;
      const dot = svg('circle', { cx, cy: base - 8 - k * 9, r: 4, class: 'dot mod-' + e.modality + (e.dated ? '' : ' undated') });
      const title = svg('title');
      title.textContent = e.when + ' · ' + e.type + (e.roles.length ? ': ' + e.roles.map((r) => r.entity.name).join(', ') : '');
      dot.appendChild(title);
      dot.dataset.id = 'ev-' + e.doc + '-' + e.evidence.start + '-' + e.type;
      chart.appendChild(dot);
    }
    axis.replaceChildren(chart);

    // The list shows the events of the view.
    let listed = 0;
    for (const li of items) {
      const d = day(li.dataset.when);
      li.hidden = d < v0 || d >= v1;
      if (!li.hidden) listed++;
    }
    const whole = v0 === d0 && v1 === d1;
    startIn.value = String(Math.round(((v0 - d0) / (d1 - d0)) * 1000));
    endIn.value = String(Math.round(((v1 - d0) / (d1 - d0)) * 1000));
    rangeText.textContent = iso(v0) + ' – ' + iso(v1 - 1);
    if (!fromForm && fromIn && toIn) {
      fromIn.value = whole ? asked.from : iso(v0);
      toIn.value = whole ? asked.to : iso(v1 - 1);
    }
    box.dataset.from = iso(v0);
    box.dataset.to = iso(v1 - 1);
    box.dataset.shown = String(shown);
    box.dataset.listed = String(listed);
    status.textContent = shown + (shown === 1 ? ' event' : ' events') + ' from ' + iso(v0) + ' to ' + iso(v1 - 1) +
      (truncated ? ' (the first ' + events.length + ' drawn)' : '') +
      (listed < shown ? '; ' + listed + ' listed below: Apply lists them all.' : '.');
  }

  const centre = () => (v0 + v1) / 2;
  const zoomBy = (f, at) => {
    const c = at === undefined ? centre() : at;
    set(c - (c - v0) * f, c + (v1 - c) * f);
  };
  document.getElementById('zoom-in').addEventListener('click', () => zoomBy(0.5));
  document.getElementById('zoom-out').addEventListener('click', () => zoomBy(2));
  document.getElementById('zoom-all').addEventListener('click', () => set(d0, d1));
  const slide = () => {
    const a = d0 + (Number(startIn.value) / 1000) * (d1 - d0);
    const b = d0 + (Number(endIn.value) / 1000) * (d1 - d0);
    if (b - a >= 1) set(a, b);
    else draw();
  };
  startIn.addEventListener('input', slide);
  endIn.addEventListener('input', slide);
  axis.tabIndex = 0;
  axis.addEventListener('keydown', (ev) => {
    const pan = Math.max(1, Math.round((v1 - v0) / 10));
    const keys = {
      '+': () => zoomBy(0.5), '=': () => zoomBy(0.5), '-': () => zoomBy(2), '0': () => set(d0, d1),
      ArrowLeft: () => set(v0 - pan, v1 - pan), ArrowRight: () => set(v0 + pan, v1 + pan),
    };
    if (keys[ev.key] && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      keys[ev.key]();
    }
  });
  axis.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const r = axis.getBoundingClientRect();
    zoomBy(ev.deltaY < 0 ? 0.8 : 1.25, v0 + ((ev.clientX - r.left) / r.width) * (v1 - v0));
  }, { passive: false });
  // A click on a dot goes to its event in the list, or lists its day.
  axis.addEventListener('click', (ev) => {
    const dot = ev.target.closest('circle.dot');
    if (!dot) return;
    const li = document.getElementById(dot.dataset.id);
    if (li && !li.hidden) {
      items.forEach((i) => i.classList.remove('lit'));
      li.classList.add('lit');
      li.scrollIntoView({ block: 'center' });
      return;
    }
    const e = events.find((x) => 'ev-' + x.doc + '-' + x.evidence.start + '-' + x.type === dot.dataset.id);
    if (e && form) {
      fromIn.value = e.when;
      toIn.value = e.when;
      form.requestSubmit();
    }
  });
  if (fromIn && toIn) {
    // Dates typed into the form move the view too.
    const typed = () => {
      const ok = /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/;
      const a = ok.test(fromIn.value) ? day(fromIn.value) : d0;
      const b = ok.test(toIn.value) ? day(toIn.value) + 1 : d1;
      if (b - a >= 1) set(a, b, true);
    };
    fromIn.addEventListener('change', typed);
    toIn.addEventListener('change', typed);
  }
  new ResizeObserver(() => draw(true)).observe(axis);
  zoom.hidden = false;
  draw(true);
  box.classList.add('ready');
}

init().catch((err) => {
  const status = document.getElementById('timeline-status');
  if (status) status.textContent = 'The timeline could not be drawn: ' + err.message;
  const box = document.getElementById('timeline');
  if (box) box.classList.add('failed');
  throw err;
});
