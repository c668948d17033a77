// The mediator console's case view: the case in plain words, evidence thumbnails, notes, the
// transcript, and the actions on it (claim, reply, release, close, reopen, reassign by name, notes, labels).
'use strict';

(function () {
  const G = window.GongyouConsole;
  const { $, el, t, word } = G;
  const evidenceUrls = [];
  const seenKey = (id) => 'gongyou.console.seen.' + id;
  /** The case shown, as the API gave it; null before one is opened. */
  G.currentCase = null;
  G.seenKey = seenKey;

  async function showEvidence(packet) {
    while (evidenceUrls.length) URL.revokeObjectURL(evidenceUrls.pop());
    const list = $('evidence');
    list.replaceChildren();
    if (!packet.evidence.length) list.append(el('li', '—', 'muted'));
    for (const e of packet.evidence) {
      const li = el('li');
      const link = el('a', (e.name || e.id) + ' · ' + Math.round(e.size / 1024) + ' KB · ' + G.localTime(e.receivedAt));
      link.href = '#';
      li.append(link);
      list.append(li);
      // tokens never go in URLs: fetch with the bearer header and show an object URL
      const load = async () => {
        const res = await fetch(e.url, { headers: { authorization: 'Bearer ' + G.token() } });
        if (!res.ok) throw new Error(t('evidenceFailed', { status: res.status }));
        const url = URL.createObjectURL(await res.blob());
        evidenceUrls.push(url);
        return url;
      };
      link.addEventListener('click', (ev) => {
        ev.preventDefault();
        load().then((url) => window.open(url, '_blank')).catch(G.sayError);
      });
      if ((e.mimeType || '').startsWith('image/')) {
        load()
          .then((url) => {
            const img = el('img');
            img.alt = e.name || t('evidenceImage');
            img.src = url;
            li.prepend(img);
          })
          .catch(G.sayError);
      }
    }
  }

  function fillList(id, items, render) {
    const list = $(id);
    list.replaceChildren();
    for (const item of items) list.append(el('li', render(item)));
    if (!items.length) list.append(el('li', '—', 'muted'));
  }

  function citation(c) {
    const where = c.unit === 'item' ? t('item', { n: c.article }) : c.unit === 'section' ? t('section', { n: c.article }) : t('article', { n: c.article });
    return '《' + c.law + '》' + where;
  }

  function actorName(h) {
    if (h.actorName) return h.actorName;
    if (h.actor === 'system') return t('system');
    return h.actor.startsWith('worker:') ? t('workerActor') : h.actor;
  }

  function contactLine(packet) {
    const c = packet.contact;
    if (c && (c.phone || c.name)) return t('contact', { who: [c.name, c.phone ? t('phone', { phone: c.phone }) : ''].filter(Boolean).join(' · ') });
    return packet.anonymous ? t('contactAnonymous') : t('contactNone');
  }

  /** Supervisors and admins reassign by choosing a name among the staff whose scope includes the case. */
  async function loadAssignees(item) {
    const select = $('reassign-to');
    if ($('reassign-box').hidden) return select.replaceChildren();
    const { assignees } = await G.api('GET', '/cases/' + encodeURIComponent(item.id) + '/assignees');
    const others = assignees.filter((a) => !a.current);
    const label = (a) => (a.publicName ? a.publicName + '（' + a.name + '）' : a.name) + ' · ' + word('role', a.role);
    G.fillSelect(select, others.length ? t('pickAssignee') : t('noAssignees'), others.map((a) => [a.id, label(a)]));
    const owner = assignees.find((a) => a.current);
    if (owner) {
      const o = el('option', label(owner) + t('currentOwner'));
      o.disabled = true;
      select.append(o);
    }
    $('reassign').disabled = others.length === 0;
  }

  G.openCase = async function openCase(id) {
    const { case: packet } = await G.api('GET', '/cases/' + encodeURIComponent(id));
    const switched = !G.currentCase || G.currentCase.item.id !== id;
    G.currentCase = packet;
    const item = packet.item;
    if (switched) {
      for (const field of ['close-note', 'reply-text', 'private-note-text']) $(field).value = '';
      $('note-text').value = packet.publicNote || '';
    }
    $('labels-text').value = packet.labels.join(G.lang() === 'en' ? ', ' : '，');
    if (item.lastWorkerMessageAt) localStorage.setItem(seenKey(id), item.lastWorkerMessageAt);
    for (const li of $('queue').children) li.classList.toggle('selected', li.dataset.caseId === id);
    $('case').hidden = false;
    // One column (a phone): the case opens below the queue, so bring it into view when another case is chosen.
    if (switched && window.matchMedia('(max-width: 900px)').matches) $('case').scrollIntoView({ block: 'start' });
    $('case-title').replaceChildren(el('span', word('priority', item.priority), 'badge ' + item.priority), document.createTextNode(' ' + t('caseTitle', { id: item.id })));
    $('case-contact').textContent = contactLine(packet);
    $('case-meta').textContent = [
      word('status', item.status),
      word('tier', item.tier),
      item.overdue ? t('dueOverdue', { time: G.localTime(item.dueAt) }) : t('due', { time: G.localTime(item.dueAt) }),
      word('category', item.category),
      word('channel', item.channel),
      item.region || '',
      item.ownerName ? t('ownerIs', { name: item.ownerName }) : '',
      item.outcome ? t('resultIs', { outcome: word('outcome', item.outcome) }) : '',
    ].filter(Boolean).join(' · ');
    $('case-labels').replaceChildren(...packet.labels.map((l) => el('span', l, 'chip')));
    $('summary').textContent = packet.summary || '—';
    const facts = $('facts');
    facts.replaceChildren();
    for (const line of packet.factLines) facts.append(el('dt', line.label[G.lang()] || line.label['zh-CN']), el('dd', line.value[G.lang()] || line.value['zh-CN']));
    if (!packet.factLines.length) facts.append(el('dt', '—'), el('dd', t('noFacts')));
    fillList('warnings', packet.warnings, (w) => w);
    await showEvidence(packet);
    fillList('private-notes', packet.privateNotes, (n) => G.localTime(n.at) + ' ' + (n.byName || n.by) + '：' + n.text);
    fillList('citations', packet.citations, citation);
    const origin = packet.escalation.origin ? [t('reason', { origin: word('origin', packet.escalation.origin) })] : [];
    fillList('history', origin.concat(packet.escalation.history.map((h) => G.localTime(h.at) + ' ' + actorName(h) + ' ' + word('action', h.action))), (x) => x);
    const log = $('transcript');
    log.replaceChildren();
    for (const line of packet.transcript) {
      const p = el('p', undefined, 'line ' + line.direction);
      const who = line.authorName ? t('mediatorNamed', { name: line.authorName }) : word('author', line.author);
      p.append(el('span', G.localTime(line.at), 'at'), el('strong', who + '：'), document.createTextNode(line.text));
      log.append(p);
    }
    log.scrollTop = log.scrollHeight;
    const me = G.me;
    const mine = item.status === 'active' && me && item.owner === me.id;
    $('claim').disabled = item.status !== 'waiting';
    $('release').disabled = item.status !== 'active';
    $('close').disabled = item.status === 'closed';
    $('reopen').hidden = item.status !== 'closed';
    $('reassign-box').hidden = !me || me.role === 'mediator' || item.status === 'closed';
    $('reply-text').placeholder = mine ? t('replyPlaceholder') : t('replyPlaceholderClaim');
    G.emit('case', packet, switched);
    await loadAssignees(item);
  };

  /** Run an action on the open case; true when it worked. On error the status line says what to do and typed text stays. */
  async function act(method, suffix, body, done) {
    if (!G.currentCase) return false;
    const id = G.currentCase.item.id;
    try {
      await G.api(method, '/cases/' + encodeURIComponent(id) + suffix, body);
      G.say(done);
      await Promise.all([G.loadQueue(), G.openCase(id)]);
      return true;
    } catch (e) {
      if (e.code === 'forbidden' && suffix === '/messages') G.say(t('replyFirstClaim'));
      else G.sayError(e);
      return false;
    }
  }

  /** A form whose one text field is required: submit runs `send(text)`, an empty field says `empty`. */
  function onText(formId, fieldId, empty, send) {
    $(formId).addEventListener('submit', async (e) => {
      e.preventDefault();
      const text = $(fieldId).value.trim();
      if (!text) return G.say(t(empty));
      if (await send(text)) $(fieldId).value = '';
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('reopen').addEventListener('click', () => act('POST', '/reopen', undefined, t('reopened')));
    $('reassign').addEventListener('click', () => {
      const select = $('reassign-to');
      if (!select.value) return G.say(t('chooseAssignee'));
      const name = select.selectedOptions[0].textContent.split(' · ')[0];
      act('POST', '/reassign', { to: select.value }, t('reassigned', { name }));
    });
    onText('private-note', 'private-note-text', 'writeNote', (text) => act('POST', '/private-notes', { text }, t('noteSaved')));
    $('labels-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const labels = $('labels-text').value.split(/[,，、]/).map((l) => l.trim()).filter(Boolean);
      act('POST', '/labels', { labels }, t('labelsSaved'));
    });
    $('claim').addEventListener('click', () => act('POST', '/claim', undefined, t('claimed')));
    $('release').addEventListener('click', () => act('POST', '/release', {}, t('released')));
    $('close').addEventListener('click', async () => {
      const note = $('close-note').value.trim();
      if (await act('POST', '/close', note ? { outcome: $('outcome').value, note } : { outcome: $('outcome').value }, t('closed'))) $('close-note').value = '';
    });
    $('file').addEventListener('click', async () => {
      if (!G.currentCase) return;
      try {
        const html = await G.api('GET', '/cases/' + encodeURIComponent(G.currentCase.item.id) + '/file');
        window.open(URL.createObjectURL(new Blob([html], { type: 'text/html' })), '_blank');
      } catch (e) {
        G.sayError(e);
      }
    });
    onText('reply', 'reply-text', 'writeReply', (text) => act('POST', '/messages', { text }, t('sent')));
    $('note').addEventListener('submit', (e) => {
      e.preventDefault();
      const note = $('note-text').value.trim();
      if (!note) return G.say(t('writeStatus'));
      act('POST', '/note', { note }, t('saved'));
    });
  });
})();
