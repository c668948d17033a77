// Mediator console: plain script, no build step, no inline code (the page's CSP forbids it).
// The token lives in sessionStorage only, so closing the tab logs out.
'use strict';

(function () {
  const TOKEN_KEY = 'gongyou.console.token';
  const $ = (id) => document.getElementById(id);
  let status = 'waiting';
  let currentCase = null;
  let eventsAbort = null;
  let reloadTimer = null;

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function say(text) {
    $('status').textContent = text || '';
  }

  // an expired login already said so; other failures replace the status line
  function sayError(err) {
    if (!err.silent) say(err.message);
  }

  async function api(method, path, body) {
    const init = { method, headers: { authorization: 'Bearer ' + token() } };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    // paths under /api/admin are given whole; everything else is the mediator API
    const res = await fetch(path.startsWith('/api/') ? path : '/api/mediator' + path, init);
    if (res.status === 401) {
      logout('令牌无效或已失效，请重新输入。 The token is wrong or expired; enter it again.');
      const err = new Error('');
      err.silent = true;
      throw err;
    }
    const type = res.headers.get('content-type') || '';
    const data = type.includes('json') ? await res.json() : await res.text();
    if (!res.ok) {
      const err = (data && data.error) || {};
      throw new Error((err.message || '出错了') + ' ' + (err.message_en || 'Request failed'));
    }
    return data;
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function localTime(iso) {
    const d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString('zh-CN', { hour12: false });
  }

  function waited(minutes) {
    if (minutes < 60) return minutes + ' 分钟 min';
    const hours = Math.floor(minutes / 60);
    return hours < 48 ? hours + ' 小时 h' : Math.floor(hours / 24) + ' 天 d';
  }

  async function loadQueue() {
    const { cases } = await api('GET', '/cases?status=' + status);
    const body = $('queue').querySelector('tbody');
    body.replaceChildren();
    for (const item of cases) {
      const tr = el('tr');
      tr.dataset.caseId = item.id;
      if (item.overdue) tr.className = 'overdue';
      tr.append(
        el('td', item.id),
        el('td', item.tier, 'tier-' + item.tier),
        el('td', localTime(item.dueAt) + (item.overdue ? ' 已超时 overdue' : '')),
        el('td', item.category),
        el('td', item.channel),
        el('td', waited(item.waitedMinutes)),
        el('td', item.collective ? '集体 collective' : '', item.collective ? 'flag' : ''),
        el('td', item.ownerName || ''),
      );
      tr.addEventListener('click', () => openCase(item.id).catch(sayError));
      body.append(tr);
    }
    $('queue-empty').hidden = cases.length > 0;
  }

  async function loadSidePanels() {
    const [{ groups }, sat] = await Promise.all([api('GET', '/collective'), api('GET', '/satisfaction')]);
    const list = $('collective');
    list.replaceChildren();
    for (const g of groups) list.append(el('li', g.field + ' = ' + g.value + ' · ' + g.category + ' · ' + g.count + ' 件 cases'));
    $('satisfaction').textContent =
      sat.answered === 0 ? '暂无评价 No answers yet' : '平均 Average ' + sat.average + ' / 5 · ' + sat.answered + ' 份 answers';
  }

  function fillList(id, items, render) {
    const list = $(id);
    list.replaceChildren();
    for (const item of items) list.append(el('li', render(item)));
    if (!items.length) list.append(el('li', '—', 'muted'));
  }

  async function openCase(id) {
    const { case: packet } = await api('GET', '/cases/' + encodeURIComponent(id));
    currentCase = packet;
    const item = packet.item;
    $('case').hidden = false;
    $('case-title').textContent = '案件 Case ' + item.id;
    $('case-meta').textContent =
      [item.status, item.tier, '应答 due ' + localTime(item.dueAt), item.category, item.channel, item.ownerName ? '负责人 owner ' + item.ownerName : '']
        .filter(Boolean)
        .join(' · ');
    $('summary').textContent = packet.summary || '—';
    const facts = $('facts');
    facts.replaceChildren();
    for (const [k, v] of Object.entries(packet.facts)) facts.append(el('dt', k), el('dd', typeof v === 'string' ? v : JSON.stringify(v)));
    fillList('warnings', packet.warnings, (w) => w);
    fillList('evidence', packet.evidence, (e) => (e.name || e.sha256.slice(0, 12)) + ' · ' + e.size + ' B · ' + localTime(e.receivedAt));
    fillList('citations', packet.citations, (c) => '《' + c.law + '》' + (c.unit === 'item' ? '第（' + c.article + '）项' : c.unit === 'section' ? '第 ' + c.article + ' 部分' : '第 ' + c.article + ' 条'));
    fillList('history', packet.escalation.history, (h) => localTime(h.at) + ' ' + h.actor + ' ' + h.action);
    const log = $('transcript');
    log.replaceChildren();
    for (const line of packet.transcript) {
      const p = el('p', undefined, 'line ' + line.direction);
      p.append(el('span', localTime(line.at), 'at'), el('strong', line.author + ': '), document.createTextNode(line.text));
      log.append(p);
    }
    log.scrollTop = log.scrollHeight;
    $('claim').disabled = item.status !== 'waiting';
    $('release').disabled = item.status !== 'active';
    $('close').disabled = item.status === 'closed';
  }

  async function act(method, suffix, body, done) {
    if (!currentCase) return;
    const id = currentCase.item.id;
    try {
      await api(method, '/cases/' + encodeURIComponent(id) + suffix, body);
      say(done);
      await Promise.all([loadQueue(), openCase(id)]);
    } catch (e) {
      sayError(e);
    }
  }

  function scheduleReload(caseId) {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      loadQueue().catch(sayError);
      loadSidePanels().catch(() => undefined);
      if (currentCase && (!caseId || currentCase.item.id === caseId)) openCase(currentCase.item.id).catch(sayError);
    }, 100);
  }

  // EventSource cannot send an Authorization header, so the stream is read with fetch.
  async function listen() {
    if (eventsAbort) eventsAbort.abort();
    eventsAbort = new AbortController();
    try {
      const res = await fetch('/api/mediator/events', {
        headers: { authorization: 'Bearer ' + token(), accept: 'text/event-stream' },
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
          if (!data) continue;
          const event = JSON.parse(data);
          if (event.type === 'overdue') say('案件 ' + event.caseId + ' 已超时 is overdue');
          if (event.type === 'undeliverable') say('案件 ' + event.caseId + ' 的消息没送到工人，等对方下次发消息时补发 / message not delivered yet, kept for the worker\'s next contact');
          if (event.caseId) scheduleReload(event.caseId);
        }
      }
    } catch (e) {
      if (e.name === 'AbortError') return;
    }
    if (token()) setTimeout(listen, 3000);
  }

  async function start() {
    const me = await api('GET', '/me');
    $('who').textContent = me.name + ' (' + me.role + ')';
    $('login').hidden = true;
    $('desk').hidden = false;
    $('logout').hidden = false;
    await Promise.all([loadQueue(), loadSidePanels()]);
    if (me.role === 'admin') {
      $('audit-panel').hidden = false;
      await loadAudit();
    }
    listen();
  }

  /** Admins see every read and action by staff: who, what, when. */
  async function loadAudit() {
    const { entries } = await api('GET', '/api/admin/audit?limit=200');
    const body = $('audit').querySelector('tbody');
    body.replaceChildren(
      ...entries.map((e) => {
        const tr = document.createElement('tr');
        tr.append(el('td', localTime(e.at)), el('td', e.actor), el('td', e.action), el('td', e.target || ''));
        return tr;
      }),
    );
  }

  function logout(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    if (eventsAbort) eventsAbort.abort();
    $('desk').hidden = true;
    $('login').hidden = false;
    $('logout').hidden = true;
    $('who').textContent = '';
    say(message || '');
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('login').addEventListener('submit', (e) => {
      e.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
      $('token').value = '';
      start().catch(sayError);
    });
    $('logout').addEventListener('click', () => logout());
    $('audit-reload').addEventListener('click', () => loadAudit().catch(sayError));
    for (const tab of document.querySelectorAll('.tab')) {
      tab.addEventListener('click', () => {
        status = tab.dataset.status;
        for (const t of document.querySelectorAll('.tab')) t.classList.toggle('active', t === tab);
        loadQueue().catch(sayError);
      });
    }
    $('claim').addEventListener('click', () => act('POST', '/claim', undefined, '已接手 Taken over'));
    $('release').addEventListener('click', () => act('POST', '/release', {}, '已交还机器人 Released'));
    $('close').addEventListener('click', () => {
      const note = $('close-note').value.trim();
      act('POST', '/close', note ? { outcome: $('outcome').value, note } : { outcome: $('outcome').value }, '已结案 Closed');
    });
    $('file').addEventListener('click', async () => {
      if (!currentCase) return;
      try {
        const html = await api('GET', '/cases/' + encodeURIComponent(currentCase.item.id) + '/file');
        window.open(URL.createObjectURL(new Blob([html], { type: 'text/html' })), '_blank');
      } catch (e) {
        sayError(e);
      }
    });
    $('reply').addEventListener('submit', (e) => {
      e.preventDefault();
      const text = $('reply-text').value.trim();
      if (!text) return say('请先写回复内容 Write a reply first');
      act('POST', '/messages', { text }, '已发送 Sent').then(() => ($('reply-text').value = ''));
    });
    $('note').addEventListener('submit', (e) => {
      e.preventDefault();
      const note = $('note-text').value.trim();
      if (!note) return say('请先写进度说明 Write a note first');
      act('POST', '/note', { note }, '已保存 Saved');
    });
    if (token()) start().catch(sayError);
  });
})();
