// The script island every page loads: the light/dark toggle, the "/" key
// that focuses search, the reader's linking of mentions to entities, and
// the suggestions of entity names in the path form.
// Pages work without it.

const root = document.documentElement;
const dark = window.matchMedia('(prefers-color-scheme: dark)');

// theme returns the theme in force: the reader's choice, else the system's.
export function theme() {
  return root.dataset.theme || (dark.matches ? 'dark' : 'light');
}

function setTheme(t) {
  root.dataset.theme = t;
  try {
    localStorage.setItem('dossier-theme', t);
  } catch (e) {
    // Not kept across pages when storage is denied.
  }
  document.dispatchEvent(new CustomEvent('dossier:theme', { detail: t }));
}

function initTheme() {
  const button = document.getElementById('theme-toggle');
  if (!button) return;
  const label = () => {
    const next = theme() === 'dark' ? 'light' : 'dark';
    button.setAttribute('aria-label', 'Switch to ' + next + ' mode');
    button.title = 'Switch to ' + next + ' mode';
  };
  label();
  button.addEventListener('click', () => {
    setTheme(theme() === 'dark' ? 'light' : 'dark');
    label();
  });
  dark.addEventListener('change', () => {
    label();
    document.dispatchEvent(new CustomEvent('dossier:theme', { detail: theme() }));
  });
}

function typing(el) {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

function initKeys() {
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && document.activeElement && document.activeElement.id === 'q') {
      document.activeElement.blur();
      return;
    }
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey || typing(document.activeElement)) return;
    const q = document.getElementById('q');
    if (!q) return;
    ev.preventDefault();
    q.focus();
    q.select();
  });
}

// initReader lights up every mention of an entity, and its line in the
// side panel, while the pointer or the focus is on one of them.
function initReader() {
  const text = document.getElementById('text');
  if (!text) return;
  const panel = document.getElementById('entities');
  const all = (id) => {
    const sel = '[data-e="' + CSS.escape(id) + '"]';
    const found = Array.from(text.querySelectorAll(sel));
    if (panel) found.push(...panel.querySelectorAll(sel));
    return found;
  };
  let lit = [];
  const light = (id) => {
    lit.forEach((el) => el.classList.remove('lit'));
    lit = id ? all(id) : [];
    lit.forEach((el) => el.classList.add('lit'));
  };
  const over = (ev) => {
    const el = ev.target.closest('[data-e]');
    light(el ? el.dataset.e : null);
  };
  for (const el of [text, panel]) {
    if (!el) continue;
    el.addEventListener('mouseover', over);
    el.addEventListener('focusin', over);
    el.addEventListener('mouseleave', () => light(null));
  }
  // A click on an entity in the panel goes to its first mention.
  if (panel) {
    panel.addEventListener('click', (ev) => {
      const li = ev.target.closest('li[data-e]');
      if (!li || ev.target.closest('a')) return;
      light(li.dataset.e);
      const first = text.querySelector('[data-e="' + CSS.escape(li.dataset.e) + '"]');
      if (first) {
        first.scrollIntoView({ block: 'center' });
        first.focus();
      }
    });
  }
}

// initEvidence lights the whole span of the quote or claim the address
// names (#rel-1, #event-v1, #quote-1), which the side panel links to.
function initEvidence() {
  const text = document.getElementById('text');
  if (!text) return;
  let lit = [];
  const show = () => {
    lit.forEach((el) => el.classList.remove('evidence-lit'));
    const id = decodeURIComponent(location.hash.slice(1));
    lit = id ? Array.from(text.querySelectorAll('[data-in~="' + CSS.escape(id) + '"]')) : [];
    lit.forEach((el) => el.classList.add('evidence-lit'));
  };
  window.addEventListener('hashchange', show);
  show();
}

// initSuggest offers, under every input marked data-suggest="entities",
// the entities whose names contain what was typed (from
// /api/v1/entities), in the input's datalist.
function initSuggest() {
  const inputs = document.querySelectorAll('input[data-suggest="entities"]');
  for (const input of inputs) {
    const list = input.list;
    if (!list) continue;
    let timer = 0;
    let asked = '';
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (q.length < 2 || q === asked) return;
      timer = setTimeout(async () => {
        asked = q;
        try {
          const resp = await fetch('/api/v1/entities?limit=10&q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } });
          if (!resp.ok || input.value.trim() !== q) return;
          const data = await resp.json();
          const count = {};
          for (const e of data.entities) count[e.name] = (count[e.name] || 0) + 1;
          list.replaceChildren(...data.entities.map((e) => {
            const o = document.createElement('option');
            // A name two entities share is given by id.
            o.value = count[e.name] > 1 ? e.id : e.name;
            o.label = (count[e.name] > 1 ? e.name + ' · ' : '') + e.type + ' · ' + e.id;
            return o;
          }));
        } catch (e) {
          // No suggestions offline; the form still takes a name or an id.
        }
      }, 150);
    });
  }
}

initTheme();
initKeys();
initReader();
initEvidence();
initSuggest();
