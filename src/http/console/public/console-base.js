// What every part of the mediator console shares: the language, texts, the API call with the token,
// small DOM helpers and a hook list the parts talk through. Plain script, no build step, no inline code.
// The token lives in sessionStorage only (closing the tab logs out); the language in localStorage.
'use strict';

(function () {
  const TEXT = window.GongyouConsoleText;
  const TOKEN_KEY = 'gongyou.console.token';
  const LANG_KEY = 'gongyou.console.lang';
  const hooks = {};
  const G = (window.GongyouConsole = {});

  G.$ = (id) => document.getElementById(id);
  G.lang = () => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN');
  /** 0 for Chinese, 1 for English: the place in each [Chinese, English] pair. */
  const side = () => (G.lang() === 'en' ? 1 : 0);
  /** A text of the current language, `{name}` filled from vars. */
  G.t = (key, vars) => {
    const text = TEXT[key] ? TEXT[key][side()] : key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, k) => (vars[k] === undefined ? '' : String(vars[k]))) : text;
  };
  /** An API code in words (`word('status', 'waiting')` → 待接手); unknown codes stay as they are. */
  G.word = (table, key) => (key && TEXT.words[table][key] && TEXT.words[table][key][side()]) || key || '';
  /** A whole table of words as [code, word] pairs. */
  G.words = (table) => Object.keys(TEXT.words[table]).map((code) => [code, G.word(table, code)]);

  /** Parts register for `start`, `stop`, `lang`, `case` (a case was shown) and `canned` (canned replies changed). */
  G.on = (name, fn) => (hooks[name] = hooks[name] || []).push(fn);
  G.emit = (name, ...args) => {
    for (const fn of hooks[name] || []) fn(...args);
  };

  G.token = () => sessionStorage.getItem(TOKEN_KEY);
  G.setToken = (value) => (value ? sessionStorage.setItem(TOKEN_KEY, value) : sessionStorage.removeItem(TOKEN_KEY));

  G.say = (text) => {
    G.$('status').textContent = text || '';
  };
  // an expired login already said so; other failures replace the status line
  G.sayError = (err) => {
    if (!err.silent) G.say(err.message);
  };

  G.el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  G.localTime = (iso) => {
    const d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString(G.lang() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
  };

  G.waited = (minutes) => {
    if (minutes < 60) return G.t('minutes', { n: minutes });
    const hours = Math.floor(minutes / 60);
    return hours < 48 ? G.t('hours', { n: hours }) : G.t('days', { n: Math.floor(hours / 24) });
  };

  /** Call the staff API with the bearer token; paths under /api/ are given whole, others are the mediator API. */
  G.api = async (method, path, body) => {
    const init = { method, headers: { authorization: 'Bearer ' + G.token() } };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path.startsWith('/api/') ? path : '/api/mediator' + path, init);
    if (res.status === 401) {
      G.emit('stop', G.t('badToken'));
      const err = new Error('');
      err.silent = true;
      throw err;
    }
    const type = res.headers.get('content-type') || '';
    const data = type.includes('json') ? await res.json() : await res.text();
    if (!res.ok) {
      const err = (data && data.error) || {};
      const e = new Error((G.lang() === 'en' ? err.message_en : err.message) || G.t('requestFailed'));
      e.code = err.code;
      throw e;
    }
    return data;
  };

  /** Fill a <select> with [value, label] pairs, keeping the chosen value when it is still there. */
  G.fillSelect = (select, first, pairs) => {
    const kept = select.value;
    const options = pairs.map(([value, label]) => {
      const o = G.el('option', label);
      o.value = value;
      return o;
    });
    if (first !== undefined) {
      const o = G.el('option', first);
      o.value = '';
      options.unshift(o);
    }
    select.replaceChildren(...options);
    if (pairs.some(([value]) => value === kept)) select.value = kept;
  };

  /**
   * Put the page's fixed words in the current language: `data-t` (text), `data-t-placeholder`,
   * `data-t-label` (aria-label) take a text key; `data-w="table:code"` takes a word.
   */
  function applyTexts() {
    document.documentElement.lang = G.lang();
    for (const node of document.querySelectorAll('[data-t]')) node.textContent = G.t(node.dataset.t);
    for (const node of document.querySelectorAll('[data-t-placeholder]')) node.placeholder = G.t(node.dataset.tPlaceholder);
    for (const node of document.querySelectorAll('[data-t-label]')) node.setAttribute('aria-label', G.t(node.dataset.tLabel));
    for (const node of document.querySelectorAll('[data-w]')) {
      const [table, code] = node.dataset.w.split(':');
      node.textContent = G.word(table, code);
    }
  }

  G.setLang = (lang) => {
    localStorage.setItem(LANG_KEY, lang === 'en' ? 'en' : 'zh-CN');
    applyTexts();
    G.emit('lang');
  };

  document.addEventListener('DOMContentLoaded', () => {
    applyTexts();
    G.$('lang').addEventListener('click', () => G.setLang(G.lang() === 'en' ? 'zh-CN' : 'en'));
  });
})();
