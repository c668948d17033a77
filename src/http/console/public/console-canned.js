// Canned replies in the console: the picker above the reply box puts a chosen text into the box at the
// cursor, for the mediator to edit and send (a pick never sends anything); admins keep the list below the queue.
'use strict';

(function () {
  const G = window.GongyouConsole;
  const { $, el, t, word } = G;
  let replies = [];
  /** Id of the reply the admin form edits; null while it adds a new one. */
  let editing = null;
  /** Id of the reply whose delete button was pressed once. */
  let armed = null;
  /** What the lists were last drawn from: unchanged, they are left alone (an open picker stays open). */
  let drawn = null;

  async function load() {
    replies = (await G.api('GET', '/canned-replies')).replies;
    render();
  }

  /** The picker, grouped by language with the worker's language first; a hint instead when there are none. */
  function renderPicker() {
    const select = $('canned-pick');
    const first = G.currentCase ? G.currentCase.locale : G.lang();
    const order = first === 'en' ? ['en', 'zh-CN'] : ['zh-CN', 'en'];
    const head = el('option', t('cannedPick'));
    head.value = '';
    const groups = order.flatMap((locale) => {
      const mine = replies.filter((r) => r.locale === locale);
      if (!mine.length) return [];
      const group = document.createElement('optgroup');
      group.label = word('locale', locale);
      for (const r of mine) {
        const option = el('option', r.title);
        option.value = r.id;
        group.append(option);
      }
      return [group];
    });
    select.replaceChildren(head, ...groups);
    select.hidden = replies.length === 0;
    const empty = $('canned-empty');
    empty.hidden = replies.length > 0;
    empty.textContent = G.me && G.me.role === 'admin' ? t('cannedEmptyAdmin') : t('cannedEmpty');
  }

  function renderAdmin() {
    const list = $('canned-list');
    list.replaceChildren(
      ...replies.map((r) => {
        const li = el('li');
        const edit = el('button', t('edit'));
        edit.type = 'button';
        edit.addEventListener('click', () => startEditing(r));
        const remove = el('button', armed === r.id ? t('deleteConfirm') : t('delete'));
        remove.type = 'button';
        remove.addEventListener('click', () => removeReply(r).catch(G.sayError));
        const head = el('p', undefined, 'row');
        head.append(el('strong', r.title), el('span', word('locale', r.locale), 'chip'), edit, remove);
        li.append(head, el('p', r.text, 'canned-text'));
        return li;
      }),
    );
    if (!replies.length) list.append(el('li', t('none'), 'muted'));
    $('canned-editing').textContent = editing ? t('cannedEditing', { title: (replies.find((r) => r.id === editing) || {}).title || '' }) : t('cannedNew');
    $('canned-cancel').hidden = !editing;
  }

  function render() {
    const key = JSON.stringify([replies, G.currentCase && G.currentCase.locale, G.lang()]);
    if (key === drawn) return;
    drawn = key;
    renderPicker();
    if (G.me && G.me.role === 'admin') renderAdmin();
  }

  /** Put the text at the cursor (replacing a selection), on its own line after text already typed. */
  function insert(text) {
    const box = $('reply-text');
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? start;
    const before = box.value.slice(0, start);
    box.focus();
    box.setRangeText(before && !before.endsWith('\n') ? '\n' + text : text, start, end, 'end');
    G.say(t('cannedInserted'));
  }

  function startEditing(reply) {
    editing = reply.id;
    armed = null;
    $('canned-title').value = reply.title;
    $('canned-text').value = reply.text;
    $('canned-locale').value = reply.locale;
    renderAdmin();
    $('canned-title').focus();
  }

  function resetForm() {
    editing = null;
    $('canned-form').reset();
    renderAdmin();
  }

  // two clicks: the first arms the button, so one slip never deletes a text colleagues rely on
  async function removeReply(reply) {
    if (armed !== reply.id) {
      armed = reply.id;
      return renderAdmin();
    }
    armed = null;
    await G.api('DELETE', '/api/admin/canned-replies/' + encodeURIComponent(reply.id));
    if (editing === reply.id) resetForm();
    await load();
    G.say(t('cannedDeleted'));
  }

  async function save() {
    const body = { title: $('canned-title').value.trim(), text: $('canned-text').value.trim(), locale: $('canned-locale').value };
    if (!body.title || !body.text) return G.say(t('cannedNeedBoth'));
    if (editing) await G.api('PUT', '/api/admin/canned-replies/' + encodeURIComponent(editing), body);
    else await G.api('POST', '/api/admin/canned-replies', body);
    resetForm();
    await load();
    G.say(t('cannedSaved'));
  }

  G.on('start', (me) => {
    $('canned-admin').hidden = me.role !== 'admin';
    load().catch(G.sayError);
  });
  G.on('stop', () => {
    $('canned-admin').hidden = true;
    replies = [];
    editing = null;
    armed = null;
    drawn = null;
  });
  // a case shown (opened, or again after an action): fetch the list again, so an admin's change reaches every mediator
  G.on('case', () => load().catch(G.sayError));
  G.on('lang', render);

  document.addEventListener('DOMContentLoaded', () => {
    $('canned-pick').addEventListener('change', (e) => {
      const reply = replies.find((r) => r.id === e.target.value);
      e.target.value = '';
      if (reply) insert(reply.text);
    });
    $('canned-form').addEventListener('submit', (e) => {
      e.preventDefault();
      save().catch(G.sayError);
    });
    $('canned-cancel').addEventListener('click', resetForm);
  });
})();
