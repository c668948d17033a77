// Mediator console: plain script, no build step, no inline code (the page's CSP forbids it).
// The token lives in sessionStorage only, so closing the tab logs out.
'use strict';

(function () {
  const TOKEN_KEY = 'gongyou.console.token';
  const $ = (id) => document.getElementById(id);
  let status = 'waiting';
  let currentCase = null;
  let me = null;
  let offset = 0;
  const PAGE = 50;
  let unseen = 0;
  const evidenceUrls = [];
  const T = {
    status: { waiting: '待接手', active: '处理中', open: '跟进中', closed: '已结案' },
    tier: { on_the_spot: '当场回应', same_day: '当天协调', three_days: '三日内反馈' },
    priority: { crisis: '危机', urgent: '紧急', normal: '一般' },
    category: {
      wages: '工资拖欠', injury: '受伤或事故', deductions: '罚款扣钱封号', termination: '辞退与合同', social_insurance: '社保',
      conditions: '劳动条件', platform_rules: '平台规则', suggestion: '建议', other: '其他',
    },
    channel: { web: '网页', wechat: '微信', telegram: 'Telegram', slack: 'Slack' },
    outcome: {
      resolved: '已调解解决', referred_inspection: '已转劳动保障监察', referred_arbitration: '已转劳动仲裁', referred_legal_aid: '已转法律援助',
      referred_court: '已转法院', withdrawn: '工人撤回', no_response: '多次联系未回复',
    },
    origin: { crisis: '危机（自伤/暴力/紧急）', requested: '工人要求转人工', low_confidence: '机器人没把握', sensitive: '敏感问题', intake: '登记完成',
      injury_hospital: '受伤住院', violence: '暴力或威胁', collective: '多人欠薪', death: '有人死亡', rejected_answers: '工人不满意回答' },
    action: { created: '立案', announced: '通知调解员', claimed: '接手', released: '交还机器人', closed: '结案', reopened: '重新打开', reassigned: '改派',
      handoff_requested: '再次转人工', escalated_category: '按类别转人工', overdue_mediators: '超时提醒调解员', overdue_supervisor: '上报负责人',
      public_note: '进度说明', private_note: '内部备注', labels: '标签', evidence_added: '收到证据', crisis_raised: '危机升级', satisfaction: '满意度' },
    author: { worker: '工人', bot: '工友助手' },
  };
  const word = (table, key) => (key && T[table][key]) || key || '';
  const seenKey = (id) => 'gongyou.console.seen.' + id;
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
      const e = new Error((err.message || '出错了') + ' ' + (err.message_en || 'Request failed'));
      e.code = err.code;
      throw e;
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

  async function loadQueue() {
    const page = await api('GET', '/cases?' + queueQuery());
    const list = $('queue');
    list.replaceChildren();
    for (const item of page.cases) {
      const li = el('li', undefined, item.priority);
      li.dataset.caseId = item.id;
      if (currentCase && currentCase.item.id === item.id) li.classList.add('selected');
      const row1 = el('div', undefined, 'row1');
      row1.append(el('span', word('priority', item.priority), 'badge ' + item.priority), el('span', item.id, 'id'));
      const seen = localStorage.getItem(seenKey(item.id));
      if (item.lastWorkerMessageAt && (!seen || seen < item.lastWorkerMessageAt)) {
        const dot = el('span', undefined, 'unread');
        dot.title = '有未读消息';
        row1.append(dot);
      }
      row1.append(el('span', word('category', item.category)), el('span', word('status', item.status), 'muted'));
      if (item.collective) row1.append(el('span', '集体', 'flag'));
      for (const label of item.labels || []) row1.append(el('span', label, 'chip'));
      const meta = el('div', undefined, 'meta');
      meta.append(
        el('span', '应答 ' + localTime(item.dueAt), item.overdue ? 'overdue-text' : ''),
        document.createTextNode(' · ' + (item.overdue ? '已超时 · ' : '') + word('tier', item.tier) + ' · 已等 ' + waited(item.waitedMinutes) + ' · ' + word('channel', item.channel)),
      );
      if (item.ownerName) meta.append(document.createTextNode(' · 负责人 ' + item.ownerName));
      li.append(row1, el('p', item.summary || '（无摘要）', 'one-line'), meta);
      li.addEventListener('click', () => openCase(item.id).catch(sayError));
      list.append(li);
    }
    $('queue-empty').hidden = page.cases.length > 0;
    $('queue-total').textContent = '共 ' + page.total + ' 件' + (page.total > PAGE ? '，第 ' + (offset + 1) + '–' + (offset + page.cases.length) + ' 件' : '');
    $('prev').disabled = offset === 0;
    $('next').disabled = offset + page.cases.length >= page.total;
  }

  async function loadSidePanels() {
    const [{ groups }, sat] = await Promise.all([api('GET', '/collective'), api('GET', '/satisfaction')]);
    const list = $('collective');
    list.replaceChildren();
    for (const g of groups) list.append(el('li', g.value + ' · ' + word('category', g.category) + ' · ' + g.count + ' 件，涉及约 ' + g.workers + ' 人'));
    if (!groups.length) list.append(el('li', '暂无'));
    $('satisfaction').textContent =
      sat.answered === 0 ? '暂无评价 No answers yet' : '平均 Average ' + sat.average + ' / 5 · ' + sat.answered + ' 份 answers';
  }

  function notice() {
    document.title = (unseen > 0 ? '(' + unseen + ') ' : '') + '工友 · 调解员工作台';
  }

  async function showEvidence(packet) {
    while (evidenceUrls.length) URL.revokeObjectURL(evidenceUrls.pop());
    const list = $('evidence');
    list.replaceChildren();
    if (!packet.evidence.length) list.append(el('li', '—', 'muted'));
    for (const e of packet.evidence) {
      const li = el('li');
      const link = el('a', (e.name || e.id) + ' · ' + Math.round(e.size / 1024) + ' KB · ' + localTime(e.receivedAt));
      link.href = '#';
      li.append(link);
      list.append(li);
      // tokens never go in URLs: fetch with the bearer header and show an object URL
      const load = async () => {
        const res = await fetch(e.url, { headers: { authorization: 'Bearer ' + token() } });
        if (!res.ok) throw new Error('证据读取失败 ' + res.status);
        const url = URL.createObjectURL(await res.blob());
        evidenceUrls.push(url);
        return url;
      };
      link.addEventListener('click', (ev) => {
        ev.preventDefault();
        load().then((url) => window.open(url, '_blank')).catch(sayError);
      });
      if ((e.mimeType || '').startsWith('image/')) {
        load()
          .then((url) => {
            const img = el('img');
            img.alt = e.name || '证据图片';
            img.src = url;
            li.prepend(img);
          })
          .catch(sayError);
      }
    }
  }

  function fillList(id, items, render) {
    const list = $(id);
    list.replaceChildren();
    for (const item of items) list.append(el('li', render(item)));
    if (!items.length) list.append(el('li', '—', 'muted'));
  }

  async function openCase(id) {
    const { case: packet } = await api('GET', '/cases/' + encodeURIComponent(id));
    const switched = !currentCase || currentCase.item.id !== id;
    currentCase = packet;
    const item = packet.item;
    if (switched) {
      $('close-note').value = '';
      $('reply-text').value = '';
      $('note-text').value = packet.publicNote || '';
      $('private-note-text').value = '';
      $('reassign-to').value = '';
    }
    $('labels-text').value = packet.labels.join('，');
    if (item.lastWorkerMessageAt) localStorage.setItem(seenKey(id), item.lastWorkerMessageAt);
    for (const li of $('queue').children) li.classList.toggle('selected', li.dataset.caseId === id);
    $('case').hidden = false;
    // One column (a phone): the case opens below the queue, so bring it into view when another case is chosen.
    if (switched && window.matchMedia('(max-width: 900px)').matches) $('case').scrollIntoView({ block: 'start' });
    $('case-title').replaceChildren(el('span', word('priority', item.priority), 'badge ' + item.priority), document.createTextNode(' 案件 ' + item.id));
    const c = packet.contact;
    $('case-contact').textContent = c && (c.phone || c.name)
      ? '联系人：' + [c.name, c.phone ? '电话 ' + c.phone : ''].filter(Boolean).join(' · ')
      : packet.anonymous ? '联系人：匿名（工人未留联系方式）' : '联系人：未留';
    $('case-meta').textContent = [
      word('status', item.status),
      word('tier', item.tier),
      '应答 ' + localTime(item.dueAt) + (item.overdue ? '（已超时）' : ''),
      word('category', item.category),
      word('channel', item.channel),
      item.region || '',
      item.ownerName ? '负责人 ' + item.ownerName : '',
      item.outcome ? '结果：' + word('outcome', item.outcome) : '',
    ].filter(Boolean).join(' · ');
    $('case-labels').replaceChildren(...packet.labels.map((l) => el('span', l, 'chip')));
    $('summary').textContent = packet.summary || '—';
    const facts = $('facts');
    facts.replaceChildren();
    for (const line of packet.factLines) facts.append(el('dt', line.label['zh-CN']), el('dd', line.value['zh-CN']));
    if (!packet.factLines.length) facts.append(el('dt', '—'), el('dd', '还没有登记信息'));
    fillList('warnings', packet.warnings, (w) => w);
    await showEvidence(packet);
    fillList('private-notes', packet.privateNotes, (n) => localTime(n.at) + ' ' + (n.byName || n.by) + '：' + n.text);
    fillList('citations', packet.citations, (c) => '《' + c.law + '》' + (c.unit === 'item' ? '第（' + c.article + '）项' : c.unit === 'section' ? '第 ' + c.article + ' 部分' : '第 ' + c.article + ' 条'));
    const origin = packet.escalation.origin ? ['原因：' + word('origin', packet.escalation.origin)] : [];
    fillList('history', origin.concat(packet.escalation.history.map((h) => localTime(h.at) + ' ' + (h.actorName || (h.actor === 'system' ? '系统' : h.actor.startsWith('worker:') ? '工人' : h.actor)) + ' ' + word('action', h.action))), (x) => x);
    const log = $('transcript');
    log.replaceChildren();
    for (const line of packet.transcript) {
      const p = el('p', undefined, 'line ' + line.direction);
      const who = line.authorName ? '调解员 ' + line.authorName : word('author', line.author);
      p.append(el('span', localTime(line.at), 'at'), el('strong', who + '：'), document.createTextNode(line.text));
      log.append(p);
    }
    log.scrollTop = log.scrollHeight;
    const mine = item.status === 'active' && me && item.owner === me.id;
    $('claim').disabled = item.status !== 'waiting';
    $('release').disabled = item.status !== 'active';
    $('close').disabled = item.status === 'closed';
    $('reopen').hidden = item.status !== 'closed';
    $('reassign-box').hidden = !me || me.role === 'mediator' || item.status === 'closed';
    $('reply-text').placeholder = mine ? '回复工人' : '请先接手，再回复工人';
  }

  // returns true when the action worked; on error the status line says what to do and typed text stays
  async function act(method, suffix, body, done) {
    if (!currentCase) return false;
    const id = currentCase.item.id;
    try {
      await api(method, '/cases/' + encodeURIComponent(id) + suffix, body);
      say(done);
      await Promise.all([loadQueue(), openCase(id)]);
      return true;
    } catch (e) {
      if (e.code === 'forbidden' && suffix === '/messages') say('请先接手这个案件，再回复工人。您写的内容还在。');
      else sayError(e);
      return false;
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
          if ((event.type === 'queued' || event.type === 'workerMessage') && document.hidden) {
            unseen += 1;
            notice();
          }
          if (event.type === 'queued') say('新案件 ' + event.caseId + (event.item && event.item.priority === 'crisis' ? '（危机，请立即处理）' : ''));
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
    me = await api('GET', '/me');
    $('who').textContent = (me.publicName || me.name) + '（' + ({ mediator: '调解员', supervisor: '负责人', admin: '管理员' }[me.role] || me.role) + '）';
    say('');
    $('login').hidden = true;
    $('login').style.display = 'none';
    $('desk').hidden = false;
    $('logout').hidden = false;
    $('collective-link').hidden = false;
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
    $('login').style.display = '';
    $('logout').hidden = true;
    $('collective-link').hidden = true;
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
        offset = 0;
        for (const t of document.querySelectorAll('.tab')) t.classList.toggle('active', t === tab);
        loadQueue().catch(sayError);
      });
    }
    const select = $('f-category');
    for (const [k, v] of Object.entries(T.category)) {
      const o = el('option', v);
      o.value = k;
      select.append(o);
    }
    $('search').addEventListener('submit', (e) => {
      e.preventDefault();
      offset = 0;
      loadQueue().catch(sayError);
    });
    for (const id of ['f-priority', 'f-category', 'f-sort', 'f-overdue', 'f-mine']) {
      $(id).addEventListener('change', () => {
        offset = 0;
        loadQueue().catch(sayError);
      });
    }
    $('prev').addEventListener('click', () => {
      offset = Math.max(0, offset - PAGE);
      loadQueue().catch(sayError);
    });
    $('next').addEventListener('click', () => {
      offset += PAGE;
      loadQueue().catch(sayError);
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        unseen = 0;
        notice();
      }
    });
    $('reopen').addEventListener('click', () => act('POST', '/reopen', undefined, '已重新打开，案件在“跟进中”'));
    $('reassign').addEventListener('click', () => {
      const to = $('reassign-to').value.trim();
      if (!to) return say('请填写要改派给的工作人员编号');
      act('POST', '/reassign', { to }, '已改派');
    });
    $('private-note').addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = $('private-note-text').value.trim();
      if (!text) return say('请先写备注内容');
      if (await act('POST', '/private-notes', { text }, '内部备注已保存（工人看不到）')) $('private-note-text').value = '';
    });
    $('labels-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const labels = $('labels-text').value.split(/[,，、]/).map((l) => l.trim()).filter(Boolean);
      act('POST', '/labels', { labels }, '标签已保存');
    });
    $('claim').addEventListener('click', () => act('POST', '/claim', undefined, '已接手 Taken over'));
    $('release').addEventListener('click', () => act('POST', '/release', {}, '已交还机器人 Released'));
    $('close').addEventListener('click', async () => {
      const note = $('close-note').value.trim();
      if (await act('POST', '/close', note ? { outcome: $('outcome').value, note } : { outcome: $('outcome').value }, '已结案')) $('close-note').value = '';
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
      act('POST', '/messages', { text }, '已发送').then((ok) => {
        if (ok) $('reply-text').value = '';
      });
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
