// Gongyou web chat: plain script, no build step. The server's CSP allows only this file.
'use strict';
(function () {
  var MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
  var POLL_MS = 4000;
  var CASE_ID = /GY-\d{4}-\d{6}/g;

  // The page's chrome. The language button also tells the bot (choice lang:en), and a /lang the worker
  // types switches the chrome when the bot's reply says so (meta.locale): one switch for both.
  var UI = {
    'zh-CN': {
      title: '工友 · 工会服务助手', logLabel: '对话记录', inputLabel: '输入消息', send: '发送',
      placeholder: '说说您遇到的问题…', upload: '上传照片或文件', retry: '重新发送', toggle: 'English',
      intro: '您好！这里是工会服务助手。请用自己的话说说遇到的问题，例如：“站长两个月没给我结工资”。也可以上传照片或文件作为证据。',
      sending: '正在发送…', uploading: '正在上传…', notSent: '未发送',
      offline: '网络不好，消息没发出去。您写的内容还在，请稍后点“重新发送”。',
      failed: '消息没发出去，请稍后再试。着急可拨打工会服务热线 12351。',
      tooBig: '文件太大了（最大 10 MB），可以压缩照片后再发。',
      file: '文件', handoff: '已转给工会调解员，会尽快联系您。', mediator: '工会调解员',
      sources: '依据', show: '展开', hide: '收起',
      citation: function (c) { return '《' + c.law + '》' + (c.unit === 'item' ? '第（' + c.article + '）项' : c.unit === 'section' ? '第' + c.article + '部分' : '第' + c.article + '条'); },
    },
    en: {
      title: 'Gongyou · Union helpdesk', logLabel: 'Conversation', inputLabel: 'Type a message', send: 'Send',
      placeholder: 'Tell us what happened…', upload: 'Upload a photo or file', retry: 'Send again', toggle: '中文',
      intro: 'Hello! This is the union helpdesk. Tell us your problem in your own words, for example: "My station manager has not paid me for two months". You can also upload photos or files as evidence.',
      sending: 'Sending…', uploading: 'Uploading…', notSent: 'Not sent',
      offline: 'The network is weak and the message was not sent. Your text is kept; tap "Send again" in a moment.',
      failed: 'The message was not sent. Please try again later; if it is urgent, call the union hotline 12351.',
      tooBig: 'The file is too large (at most 10 MB). Please shrink the photo and send it again.',
      file: 'File', handoff: 'Passed to a union mediator, who will contact you soon.', mediator: 'Union mediator',
      sources: 'Sources', show: 'Show', hide: 'Hide',
      citation: function (c) { return '《' + c.law + '》 ' + (c.unit === 'item' ? 'item (' + c.article + ')' : c.unit === 'section' ? 'Part ' + c.article : 'Art. ' + c.article); },
    },
  };

  var $ = function (id) { return document.getElementById(id); };
  var log = $('log'), input = $('text'), sendButton = $('send'), upload = $('upload');
  var errorBox = $('error'), errorText = $('error-text'), statusLine = $('status');

  var store = {
    get: function (k) { try { return window.localStorage.getItem(k); } catch (e) { return null; } },
    set: function (k, v) { try { window.localStorage.setItem(k, v); } catch (e) { /* private mode: keep going */ } },
  };

  function randomId(prefix) {
    if (window.crypto && crypto.randomUUID) return prefix + crypto.randomUUID();
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return prefix + Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
  }

  var userId = store.get('gongyou.userId');
  if (!userId) { userId = randomId('w-'); store.set('gongyou.userId', userId); }
  var lang = store.get('gongyou.uiLang') === 'en' ? 'en' : 'zh-CN';
  var seen = new Set();
  var lastId = null; // the last reply shown: polling and the event stream continue after it
  var busy = false;
  var pending = null; // the send that failed, kept so a retry reuses its messageId
  var lastError = null; // { key } or { text: BiText } of what is shown, so a language switch re-renders it

  function t(key) { return UI[lang][key]; }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach(function (el) { el.textContent = t(el.getAttribute('data-i18n')); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(function (el) { el.placeholder = t(el.getAttribute('data-i18n-placeholder')); });
    document.querySelectorAll('[data-i18n-aria]').forEach(function (el) { el.setAttribute('aria-label', t(el.getAttribute('data-i18n-aria'))); });
    document.querySelectorAll('[data-i18n-title]').forEach(function (el) { el.title = t(el.getAttribute('data-i18n-title')); });
    var toggle = $('lang-toggle');
    toggle.textContent = t('toggle');
    toggle.lang = lang === 'en' ? 'zh-CN' : 'en';
    document.querySelectorAll('.failed-note').forEach(function (el) { el.textContent = t('notSent'); });
    document.querySelectorAll('.sources').forEach(labelSources);
    document.querySelectorAll('.citations .chip').forEach(function (chip) {
      chip.textContent = t('citation')({ law: chip.getAttribute('data-law'), article: chip.getAttribute('data-article') });
    });
    if (lastError) showError(lastError);
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  // Show new messages from the start of `first`: to the bottom when everything fits, else with the
  // start of a long reply at the top, so the worker reads it from its first line, not from the chips.
  function reveal(first) {
    if (!first) return scrollDown();
    var top = log.scrollTop + first.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
    log.scrollTop = Math.min(log.scrollHeight - log.clientHeight, Math.max(0, top));
  }

  // Only the latest buttons work: a group is stale once a newer group, a message of the worker or a
  // mediator's message follows it (a bot turn's later replies without buttons leave it usable).
  function retireOldChoices() {
    var groups = log.querySelectorAll('.choices');
    groups.forEach(function (group, i) {
      var box = group.closest('.msg');
      var answered = false;
      for (var el = box.nextElementSibling; el; el = el.nextElementSibling) {
        if ((el.classList.contains('me') && !el.classList.contains('failed')) || el.classList.contains('mediator')) { answered = true; break; }
      }
      if (i < groups.length - 1 || answered) {
        group.classList.add('stale');
        group.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
      }
    });
  }

  function shownMessage(id) {
    var found = null;
    log.querySelectorAll('.msg[data-id]').forEach(function (el) { if (el.getAttribute('data-id') === id) found = el; });
    return found;
  }

  function append(box) {
    log.appendChild(box);
    retireOldChoices();
    return box;
  }

  function labelSources(sources) {
    var button = sources.querySelector('.sources-toggle');
    var open = button.getAttribute('aria-expanded') === 'true';
    var count = sources.querySelectorAll('.chip').length;
    button.textContent = t('sources') + ' (' + count + ') · ' + t(open ? 'hide' : 'show');
  }

  // The citations sit behind a "依据 · 展开" toggle under the reply, closed at first.
  function renderSources(box, replyId, citations) {
    var sources = document.createElement('div');
    sources.className = 'sources';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'sources-toggle';
    button.setAttribute('aria-expanded', 'false');
    var list = document.createElement('ul');
    list.className = 'citations';
    list.id = 'sources-' + replyId.replace(/[^A-Za-z0-9_-]/g, '_');
    list.hidden = true;
    button.setAttribute('aria-controls', list.id);
    citations.forEach(function (c) {
      var chip = document.createElement('li');
      chip.className = 'chip';
      chip.setAttribute('data-law', String(c.law));
      chip.setAttribute('data-article', String(c.article));
      chip.textContent = t('citation')(c);
      list.appendChild(chip);
    });
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', String(open));
      list.hidden = !open;
      labelSources(sources);
    });
    sources.appendChild(button);
    sources.appendChild(list);
    labelSources(sources);
    box.appendChild(sources);
  }

  // The bot's reply to a language switch (typed /lang en or the button) switches the chrome too.
  function followBotLanguage(meta) {
    var next = meta.locale === 'en' || meta.locale === 'zh-CN' ? meta.locale : null;
    if (!next || next === lang) return;
    lang = next;
    store.set('gongyou.uiLang', lang);
    applyLanguage();
  }

  function setStatus(text) { statusLine.textContent = text || ''; }

  // error: { key } for our own texts, { server: {message, message_en} } for the server's
  function showError(error) {
    lastError = error;
    errorText.textContent = error.server ? (lang === 'en' ? error.server.message_en : error.server.message) : t(error.key);
    errorBox.hidden = false;
    $('retry').hidden = !pending;
  }

  function clearError() { lastError = null; errorBox.hidden = true; }

  // Case numbers become <mark>; everything goes in as text, never as HTML.
  function appendTextWithCaseIds(parent, text) {
    var at = 0, match;
    CASE_ID.lastIndex = 0;
    while ((match = CASE_ID.exec(text))) {
      parent.appendChild(document.createTextNode(text.slice(at, match.index)));
      var mark = document.createElement('mark');
      mark.className = 'case-id';
      mark.textContent = match[0];
      parent.appendChild(mark);
      at = match.index + match[0].length;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  // A history entry or a reply: the worker's own (direction "in") or one sent to them. Returns the new element.
  function renderEntry(entry) {
    if (!entry || typeof entry.id !== 'string' || seen.has(entry.id)) return null;
    if (entry.direction === 'in') {
      seen.add(entry.id);
      var own = renderOwn(String(entry.text || '') || '📎 ' + t('file'));
      own.setAttribute('data-id', entry.id);
      return own;
    }
    return renderReply(entry);
  }

  function renderReply(reply) {
    if (!reply || typeof reply.id !== 'string' || seen.has(reply.id)) return null;
    seen.add(reply.id);
    lastId = reply.id;
    var meta = reply.meta || {};
    var fromMediator = meta.intent === 'mediator_message' || meta.intent === 'mediator_joined' || typeof meta.authorName === 'string';
    var box = document.createElement('article');
    box.className = fromMediator ? 'msg bot mediator' : 'msg bot';
    box.setAttribute('data-id', reply.id);
    if (fromMediator) {
      var author = document.createElement('p');
      author.className = 'author';
      if (meta.authorName) author.textContent = meta.authorName;
      else { author.setAttribute('data-i18n', 'mediator'); author.textContent = t('mediator'); }
      box.appendChild(author);
    }
    var p = document.createElement('p');
    p.className = 'text';
    appendTextWithCaseIds(p, String(reply.text || ''));
    box.appendChild(p);
    if (Array.isArray(meta.citations) && meta.citations.length) renderSources(box, reply.id, meta.citations);
    if (meta.handoff) {
      var note = document.createElement('p');
      note.className = 'handoff';
      note.setAttribute('data-i18n', 'handoff');
      note.textContent = t('handoff');
      box.appendChild(note);
    }
    if (Array.isArray(reply.choices) && reply.choices.length) {
      var group = document.createElement('div');
      group.className = 'choices';
      group.setAttribute('role', 'group');
      reply.choices.forEach(function (choice) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'choice';
        button.textContent = choice.label;
        button.addEventListener('click', function () { pressChoice(group, button, choice); });
        group.appendChild(button);
      });
      box.appendChild(group);
    }
    append(box);
    followBotLanguage(meta);
    return box;
  }

  function renderOwn(text) {
    var box = document.createElement('div');
    box.className = 'msg me';
    var p = document.createElement('p');
    p.className = 'text';
    p.textContent = text;
    box.appendChild(p);
    append(box);
    return box;
  }

  function markFailed(bubble, failed) {
    bubble.classList.toggle('failed', failed);
    var note = bubble.querySelector('.failed-note');
    if (failed && !note) {
      note = document.createElement('span');
      note.className = 'failed-note';
      note.textContent = t('notSent');
      bubble.appendChild(note);
    } else if (!failed && note) {
      note.remove();
    }
  }

  // One automatic retry on a network error, with the same messageId, so the server answers once.
  function postWithRetry(url, makeInit) {
    return fetch(url, makeInit()).catch(function () {
      return new Promise(function (resolve) { setTimeout(resolve, 1000); }).then(function () { return fetch(url, makeInit()); });
    });
  }

  // request: { kind: 'text'|'file', text, choiceId?, file?, messageId, bubble, onSuccess? }
  function deliver(request) {
    if (busy) return Promise.resolve();
    busy = true;
    sendButton.disabled = true;
    clearError();
    setStatus(t(request.kind === 'file' ? 'uploading' : 'sending'));
    var url = request.kind === 'file' ? '/api/web/uploads' : '/api/web/messages';
    var makeInit = function () {
      if (request.kind === 'file') {
        var form = new FormData();
        form.append('userId', userId);
        form.append('messageId', request.messageId);
        if (request.text) form.append('text', request.text);
        form.append('file', request.file, request.file.name);
        return { method: 'POST', body: form };
      }
      var body = { userId: userId, text: request.text, messageId: request.messageId };
      if (request.choiceId) body.choiceId = request.choiceId;
      return { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    };
    return postWithRetry(url, makeInit)
      .then(function (res) {
        return res.json().catch(function () { return null; }).then(function (body) {
          if (!res.ok || !body || !Array.isArray(body.replies)) throw { server: body && body.error, status: res.status };
          pending = null;
          markFailed(request.bubble, false);
          if (request.onSuccess) request.onSuccess();
          // the stream may have shown them first: reveal the turn's first reply either way
          body.replies.forEach(renderReply);
          if (body.replies.length) reveal(shownMessage(body.replies[0].id));
        });
      })
      .catch(function (problem) {
        markFailed(request.bubble, true);
        // a refused request (4xx) will be refused again: no retry button, but the text stays
        pending = problem && problem.status >= 400 && problem.status < 500 ? null : request;
        if (problem && problem.server && problem.server.message) showError({ server: problem.server });
        else showError({ key: problem && problem.status ? 'failed' : 'offline' });
      })
      .then(function () {
        busy = false;
        sendButton.disabled = false;
        setStatus('');
      });
  }

  function sendText(text, choiceId, onSuccess) {
    if (busy) return Promise.resolve();
    var same = pending && pending.kind === 'text' && pending.text === text && pending.choiceId === choiceId;
    var request = same ? pending : { kind: 'text', text: text, choiceId: choiceId, messageId: randomId('m-'), bubble: renderOwn(text) };
    if (!same) { seen.add(request.messageId); request.bubble.setAttribute('data-id', request.messageId); scrollDown(); }
    request.onSuccess = onSuccess;
    return deliver(request);
  }

  function pressChoice(group, button, choice) {
    if (busy) return;
    var buttons = group.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    button.classList.add('chosen');
    sendText(choice.label, choice.id).then(function () {
      if (pending) { // failed: let the worker press again
        buttons.forEach(function (b) { b.disabled = false; });
        button.classList.remove('chosen');
      }
    });
  }

  function sendFile(file) {
    if (busy) return;
    if (file.size > MAX_UPLOAD_BYTES) { pending = null; showError({ key: 'tooBig' }); return; }
    var caption = input.value.trim();
    var request = {
      kind: 'file', file: file, text: caption, messageId: randomId('m-'),
      bubble: renderOwn('📎 ' + (file.name || t('file')) + (caption ? '\n' + caption : '')),
      onSuccess: function () { if (caption && input.value.trim() === caption) input.value = ''; },
    };
    seen.add(request.messageId);
    scrollDown();
    deliver(request);
  }

  // Later messages (a mediator's): SSE first, polling if the browser or a proxy will not stream.
  function listenForLaterMessages() {
    if (!window.EventSource) return startPolling();
    var url = '/api/web/events?userId=' + encodeURIComponent(userId) + (lastId ? '&after=' + encodeURIComponent(lastId) : '');
    var source = new EventSource(url);
    var failures = 0;
    source.addEventListener('ready', function () { failures = 0; });
    source.addEventListener('message', function (event) {
      try {
        var box = renderReply(JSON.parse(event.data));
        if (box) reveal(box);
      } catch (e) { /* a malformed event is skipped; polling would fetch it */ }
    });
    source.onerror = function () {
      failures += 1;
      if (source.readyState === EventSource.CLOSED || failures >= 3) {
        source.close();
        startPolling();
      }
    };
  }

  function fetchLater() {
    var url = '/api/web/messages?userId=' + encodeURIComponent(userId) + (lastId ? '&after=' + encodeURIComponent(lastId) : '');
    return fetch(url)
      .then(function (res) { return res.ok ? res.json() : { messages: [] }; })
      .then(function (body) {
        var first = (body.messages || []).map(renderReply).filter(Boolean)[0];
        if (first) reveal(first);
      })
      .catch(function () { /* offline for a moment: the next poll catches up */ });
  }

  // After a reload: the whole conversation, the worker's own messages included, from the start of
  // the last answer to the worker.
  function loadHistory() {
    var url = '/api/web/messages?include=all&userId=' + encodeURIComponent(userId);
    return fetch(url)
      .then(function (res) { return res.ok ? res.json() : { messages: [] }; })
      .then(function (body) {
        var lastAnswer = null, afterOwn = true;
        (body.messages || []).forEach(function (entry) {
          var box = renderEntry(entry);
          if (!box) return;
          if (entry.direction === 'in') afterOwn = true;
          else if (afterOwn) { lastAnswer = box; afterOwn = false; }
        });
        reveal(lastAnswer);
      })
      .catch(function () { /* offline: the stream or polling catches up */ });
  }

  function startPolling() { setInterval(fetchLater, POLL_MS); }

  $('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim() || busy) return;
    sendText(text, undefined, function () { if (input.value === text) input.value = ''; });
  });
  input.addEventListener('keydown', function (event) {
    // Enter sends on a keyboard; never while an input method is still composing Chinese
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $('composer').requestSubmit();
    }
  });
  upload.addEventListener('change', function () {
    if (upload.files && upload.files[0]) sendFile(upload.files[0]);
    upload.value = '';
  });
  $('retry').addEventListener('click', function () { if (pending) deliver(pending); });
  // One switch for both: the chrome changes at once, and the bot is told (the choice lang:en / lang:zh-CN).
  $('lang-toggle').addEventListener('click', function () {
    if (busy) return;
    lang = lang === 'en' ? 'zh-CN' : 'en';
    store.set('gongyou.uiLang', lang);
    applyLanguage();
    sendText(lang === 'en' ? 'English' : '中文', 'lang:' + lang);
  });

  applyLanguage();
  // History first, so the stream starts after the last message already shown.
  loadHistory().then(listenForLaterMessages);
})();
