// Mediator console: login, the queue (tabs, search, filters, paging), the side panels, live updates and
// the language switch. The case view is console-case.js, canned replies console-canned.js, the shared
// helpers console-base.js and every word console-text.js.
'use strict';

(function () {
  const G = window.GongyouConsole;
  const { $, el, t, word } = G;
  let status = 'waiting';
  let offset = 0;
  const PAGE = 50;
  let unseen = 0;
  let eventsAbort = null;
  let reloadTimer = null;
  /** The signed-in staff member (`GET /me`); null when logged out. */
  G.me = null;

  function queueQuery() {
    const params = new URLSearchParams();
    const q = $('q').value.trim();
    if (q) params.set('q', q);
    else params.set('status', status);
    if (q && status !== 'waiting') params.set('status', status);
    if ($('f-priority').value) params.set('priority', $('f-priority').value);
    if ($('f-category').value) params.set('category', $('f-category').value);
    if ($('f-overdue').checked) params.set('overdue', '1');
    if ($('f-mine').checked) params.set('mine', '1');
    params.set('sort', $('f-sort').value);
    params.set('limit', String(PAGE));
    params.set('offset', String(offset));
    return params.toString();
  }

  function queueRow(item) {
    const li = el('li', undefined, item.priority);
    li.dataset.caseId = item.id;
    if (G.currentCase && G.currentCase.item.id === item.id) li.classList.add('selected');
    const row1 = el('div', undefined, 'row1');
    row1.append(el('span', word('priority', item.priority), 'badge ' + item.priority), el('span', item.id, 'id'));
    const seen = localStorage.getItem(G.seenKey(item.id));
    if (item.lastWorkerMessageAt && (!seen || seen < item.lastWorkerMessageAt)) {
      const dot = el('span', undefined, 'unread');
      dot.title = t('unread');
      row1.append(dot);
    }
    row1.append(el('span', word('category', item.category)), el('span', word('status', item.status), 'muted'));
    if (item.collective) row1.append(el('span', t('collectiveFlag'), 'flag'));
    for (const label of item.labels || []) row1.append(el('span', label, 'chip'));
    const meta = el('div', undefined, 'meta');
    const rest = [item.overdue ? t('overdueMark') : '', word('tier', item.tier), t('waitedFor', { time: G.waited(item.waitedMinutes) }), word('channel', item.channel)];
    if (item.ownerName) rest.push(t('ownerIs', { name: item.ownerName }));
    meta.append(el('span', t('due', { time: G.localTime(item.dueAt) }), item.overdue ? 'overdue-text' : ''), document.createTextNode(' · ' + rest.filter(Boolean).join(' · ')));
    li.append(row1, el('p', item.summary || t('noSummary'), 'one-line'), meta);
    li.addEventListener('click', () => G.openCase(item.id).catch(G.sayError));
    return li;
  }

  G.loadQueue = async function loadQueue() {
    const page = await G.api('GET', '/cases?' + queueQuery());
    $('queue').replaceChildren(...page.cases.map(queueRow));
    $('queue-empty').hidden = page.cases.length > 0;
    $('queue-total').textContent =
      page.total > PAGE
        ? t('totalPage', { total: page.total, from: offset + 1, to: offset + page.cases.length })
        : t(page.total === 1 ? 'totalOne' : 'total', { total: page.total });
    $('prev').disabled = offset === 0;
    $('next').disabled = offset + page.cases.length >= page.total;
  };

  async function loadSidePanels() {
    const [{ groups }, sat] = await Promise.all([G.api('GET', '/collective'), G.api('GET', '/satisfaction')]);
    const list = $('collective');
    list.replaceChildren(...groups.map((g) => el('li', t('collectiveLine', { value: g.value, category: word('category', g.category), count: g.count, workers: g.workers }))));
    if (!groups.length) list.append(el('li', t('none')));
    $('satisfaction').textContent = sat.answered === 0 ? t('noAnswers') : t('satisfactionLine', { average: sat.average, answered: sat.answered });
  }

  function notice() {
    document.title = (unseen > 0 ? '(' + unseen + ') ' : '') + t('title');
  }

  function fillCategories() {
    G.fillSelect($('f-category'), t('allCategories'), G.words('category'));
  }

  function scheduleReload(caseId) {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      G.loadQueue().catch(G.sayError);
      loadSidePanels().catch(() => undefined);
      if (G.currentCase && (!caseId || G.currentCase.item.id === caseId)) G.openCase(G.currentCase.item.id).catch(G.sayError);
    }, 100);
  }

  function onEvent(event) {
    if ((event.type === 'queued' || event.type === 'workerMessage') && document.hidden) {
      unseen += 1;
      notice();
    }
    if (event.type === 'queued') {
      // the mediator who closed a case the worker reopened is told so, not only that a case arrived
      const mine = event.closedBy && G.me && event.closedBy === G.me.id;
      G.say(mine ? t('reopenedMine', { id: event.caseId }) : t('newCase', { id: event.caseId }) + (event.item && event.item.priority === 'crisis' ? t('newCrisis') : ''));
    }
    if (event.type === 'overdue') G.say(t('overdueEvent', { id: event.caseId }));
    if (event.type === 'undeliverable') G.say(t('undeliveredEvent', { id: event.caseId }));
    if (event.caseId) scheduleReload(event.caseId);
  }

  // EventSource cannot send an Authorization header, so the stream is read with fetch.
  async function listen() {
    if (eventsAbort) eventsAbort.abort();
    eventsAbort = new AbortController();
    try {
      const res = await fetch('/api/mediator/events', {
        headers: { authorization: 'Bearer ' + G.token(), accept: 'text/event-stream' },
        signal: eventsAbort.signal,
      });
      if (!res.ok || !res.body) throw new Error('events ' + res.status);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const chunk = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = chunk.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (data) onEvent(JSON.parse(data));
        }
      }
    } catch (e) {
      if (e.name === 'AbortError') return;
    }
    if (G.token()) setTimeout(listen, 3000);
  }

  function showWho() {
    $('who').textContent = G.me ? t('whoIs', { name: G.me.publicName || G.me.name, role: word('role', G.me.role) }) : '';
  }

  async function start() {
    G.me = await G.api('GET', '/me');
    showWho();
    G.say('');
    $('login').hidden = true;
    $('login').style.display = 'none';
    for (const id of ['desk', 'logout', 'collective-link']) $(id).hidden = false;
    await Promise.all([G.loadQueue(), loadSidePanels()]);
    if (G.me.role === 'admin') {
      $('audit-panel').hidden = false;
      await loadAudit();
    }
    G.emit('start', G.me);
    listen();
  }

  /** Admins see every read and action by staff: who, what, when. */
  async function loadAudit() {
    const { entries } = await G.api('GET', '/api/admin/audit?limit=200');
    $('audit').querySelector('tbody').replaceChildren(
      ...entries.map((e) => {
        const tr = document.createElement('tr');
        tr.append(el('td', G.localTime(e.at)), el('td', e.actor), el('td', e.action), el('td', e.target || ''));
        return tr;
      }),
    );
  }

  function logout(message) {
    G.setToken(null);
    G.me = null;
    if (eventsAbort) eventsAbort.abort();
    for (const id of ['desk', 'logout', 'collective-link', 'audit-panel']) $(id).hidden = true;
    $('login').hidden = false;
    $('login').style.display = '';
    showWho();
    G.say(message || '');
  }
  G.on('stop', logout);

  // a new language: the page's fixed words changed already; redraw what the script wrote
  G.on('lang', () => {
    notice();
    fillCategories();
    showWho();
    G.say('');
    if (!G.me) return;
    G.loadQueue().catch(G.sayError);
    loadSidePanels().catch(G.sayError);
    if (G.me.role === 'admin') loadAudit().catch(G.sayError);
    if (G.currentCase) G.openCase(G.currentCase.item.id).catch(G.sayError);
  });

  const reloadFirstPage = () => {
    offset = 0;
    G.loadQueue().catch(G.sayError);
  };

  document.addEventListener('DOMContentLoaded', () => {
    notice();
    fillCategories();
    $('login').addEventListener('submit', (e) => {
      e.preventDefault();
      G.setToken($('token').value.trim());
      $('token').value = '';
      start().catch(G.sayError);
    });
    $('logout').addEventListener('click', () => logout());
    $('audit-reload').addEventListener('click', () => loadAudit().catch(G.sayError));
    for (const tab of document.querySelectorAll('.tab')) {
      tab.addEventListener('click', () => {
        status = tab.dataset.status;
        for (const other of document.querySelectorAll('.tab')) other.classList.toggle('active', other === tab);
        reloadFirstPage();
      });
    }
    $('search').addEventListener('submit', (e) => {
      e.preventDefault();
      reloadFirstPage();
    });
    for (const id of ['f-priority', 'f-category', 'f-sort', 'f-overdue', 'f-mine']) $(id).addEventListener('change', reloadFirstPage);
    $('prev').addEventListener('click', () => {
      offset = Math.max(0, offset - PAGE);
      G.loadQueue().catch(G.sayError);
    });
    $('next').addEventListener('click', () => {
      offset += PAGE;
      G.loadQueue().catch(G.sayError);
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        unseen = 0;
        notice();
      }
    });
    if (G.token()) start().catch(G.sayError);
  });
})();
