/*
 * sard gallery: the designers' preview bar.
 *
 * A CLASSIC script, loaded in <head> before the kit:
 *   <script src="../gallery/preview.js"></script>
 *   <script type="module" src="../../dist/sard.js"></script>
 *
 * It has three modes, chosen from the page's own URL:
 *
 * - Top-level page (no ?sard-frame): the page becomes a PREVIEW SHELL. A toolbar
 *   and one iframe per chosen viewport preset (320, 375, 768, 1024, 1440 px wide)
 *   show the same page, at `?sard-frame=1&dir=…&theme=…&motion=…`. The shell's own
 *   content is hidden (visibility, not removed: it stays in the DOM and keeps its
 *   layout). Settings live in the shell's query (?view=320,1024&dir=ltr&theme=dark
 *   &motion=reduce&layout=single&show=320&at=EVENT-ID), so a link shares them.
 *   The frames get `at` too: they open at that event (the scrubber calls goTo()).
 * - Inside a preview frame (?sard-frame=1): applies dir, theme, motion and at from
 *   the query, and tells the shell when a story is ready or changes step. The gallery
 *   index's thumbnails are such frames too (?sard-frame=1&at=EVENT-ID).
 * - ?sard-bar=off, or inside any other frame (a host page's iframe): does nothing.
 *
 * Styles come from preview.css next to this file (a <link> this script adds).
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var HERE = script && script.src ? script.src : location.href;
  var query = new URLSearchParams(location.search);

  var WIDTHS = [320, 375, 768, 1024, 1440];
  // A device-like height for each width preset (phones portrait, tablet portrait, laptop, desktop).
  var HEIGHTS = { 320: 568, 375: 667, 768: 1024, 1024: 768, 1440: 900 };
  var DEFAULT_VIEW = [375, 1024];
  var THEMES = ['light', 'dark', 'newsroom'];
  var REDUCED = /\(\s*prefers-reduced-motion\s*:\s*reduce\s*\)/i;
  var NO_PREFERENCE = /\(\s*prefers-reduced-motion\s*:\s*no-preference\s*\)/i;

  if (query.get('sard-bar') === 'off') return;
  if (query.get('sard-frame') === '1') {
    frame();
    return;
  }
  var topLevel;
  try {
    topLevel = window.top === window;
  } catch (e) {
    topLevel = false;
  }
  if (topLevel) shell();

  // ── shared ─────────────────────────────────────────────────────

  function addStylesheet() {
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('preview.css', HERE).href;
    link.setAttribute('data-sard-preview', '');
    document.head.appendChild(link);
  }

  function whenParsed(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn, { once: true });
    else fn();
  }

  // ── inside a preview frame ─────────────────────────────────────

  function frame() {
    var html = document.documentElement;
    var dir = query.get('dir');
    var theme = query.get('theme');
    html.classList.add('sard-preview-frame');
    addStylesheet();

    // Theme: preview.css holds the presets, keyed by this attribute on <html>.
    if (THEMES.indexOf(theme) >= 0) html.setAttribute('data-sard-theme', theme);

    // Reduced motion. The kit asks window.matchMedia('(prefers-reduced-motion: reduce)')
    // when each element connects (and listens for its 'change'). A page cannot change
    // the reader's real preference, so inside the preview frame we replace
    // window.matchMedia BEFORE the kit loads (this script runs in <head>, before the
    // kit's script): that query, and only that one, answers matches=true (and
    // no-preference answers false). Every other query goes to the real matchMedia.
    // CSS @media (prefers-reduced-motion) rules are not affected by this: only what
    // the kit decides in JavaScript (zooms, tweens, smooth goTo) is.
    if (query.get('motion') === 'reduce') {
      var realMatchMedia = window.matchMedia.bind(window);
      window.matchMedia = function (text) {
        var real = realMatchMedia(text);
        var forced = REDUCED.test(text) ? true : NO_PREFERENCE.test(text) ? false : null;
        if (forced === null) return real;
        return {
          matches: forced,
          media: real.media,
          onchange: null,
          addEventListener: function () {},
          removeEventListener: function () {},
          addListener: function () {},
          removeListener: function () {},
          dispatchEvent: function () {
            return false;
          },
        };
      };
    }

    // Direction: on <html> now, and on every <sard-story> before the kit upgrades it
    // (readyState 'interactive' comes after parsing and before deferred and module
    // scripts run). A story reads its own `dir` when it connects; one that connected
    // earlier (a kit loaded as a classic script in <head>, a story added later) gets
    // it again once it is ready, after it set its locale's direction.
    if (dir === 'rtl' || dir === 'ltr') {
      html.setAttribute('dir', dir);
      var applyDir = function () {
        var stories = document.querySelectorAll('sard-story');
        for (var i = 0; i < stories.length; i++) if (stories[i].getAttribute('dir') !== dir) stories[i].setAttribute('dir', dir);
      };
      if (document.readyState === 'loading') {
        document.addEventListener('readystatechange', applyDir, { once: true });
      } else applyDir();
      document.addEventListener('sard-ready', applyDir, true);
    }

    // ?at=EVENT-ID (or a step's id): open at that step. The frame scrolls its own window
    // (a #hash or scrollIntoView would also scroll the pages around the frame: the shell,
    // the gallery index), then the story's own scroll watching takes the step.
    var at = query.get('at');
    if (at) {
      var opened = function (e) {
        var story = e.composedPath()[0];
        if (story !== document.querySelector('sard-story')) return;
        document.removeEventListener('sard-ready', opened, true);
        requestAnimationFrame(function () {
          var byId = document.getElementById(at);
          var step = byId && byId.localName === 'sard-step' ? byId : story.querySelector('sard-step[event="' + CSS.escape(at) + '"]');
          if (!step) return;
          var trigger = innerHeight * (Number(story.getAttribute('offset')) || 0.5);
          window.scrollTo({ top: scrollY + step.getBoundingClientRect().top - trigger + 8, behavior: 'instant' });
        });
      };
      document.addEventListener('sard-ready', opened, true);
    }

    // What the frame's stories did, for the shell (and for tests, which cannot hear the
    // frame's first events: an iframe's document replaces its initial about:blank one).
    // `settled`: the page loaded and every story fired sard-ready or an error.
    var record = (window.__sardPreview = { settled: false, ready: 0, errors: [] });
    var done = [];
    var loaded = false;
    var storyOf = function (e) {
      var path = e.composedPath();
      for (var i = 0; i < path.length; i++) if (path[i].localName === 'sard-story') return path[i];
      return null;
    };
    var check = function () {
      var stories = document.querySelectorAll('sard-story');
      var all = loaded;
      for (var i = 0; i < stories.length && all; i++) all = done.indexOf(stories[i]) >= 0;
      if (all && !record.settled) {
        record.settled = true;
        notify({ type: 'settled' });
      }
    };
    document.addEventListener(
      'sard-ready',
      function (e) {
        record.ready += 1;
        done.push(storyOf(e));
        check();
      },
      true,
    );
    document.addEventListener(
      'sard-error',
      function (e) {
        record.errors.push(e.detail);
        if (e.detail && e.detail.level === 'error') done.push(storyOf(e));
        check();
      },
      true,
    );
    addEventListener('load', function () {
      loaded = true;
      check();
    });

    // Tell the shell (same origin) when a story is ready or moves, for its inspector and scrubber.
    var notify = function (e) {
      if (parent === window) return;
      try {
        parent.postMessage({ sardPreview: e.type }, location.origin);
      } catch (err) {
        /* the shell is gone */
      }
    };
    ['sard-ready', 'sard-step-enter', 'sard-step-exit', 'sard-error'].forEach(function (type) {
      document.addEventListener(type, notify, true);
    });
    addEventListener('load', function () {
      notify({ type: 'load' });
    });
  }

  // ── the shell ──────────────────────────────────────────────────

  function shell() {
    var html = document.documentElement;
    html.classList.add('sard-preview-shell');
    addStylesheet();

    var settings = readSettings(query);
    var ui = {};
    var frames = []; // { width, height, figure, iframe }
    var scrubberEvents = null;

    whenParsed(build);

    function readSettings(q) {
      var view = (q.get('view') || '')
        .split(',')
        .map(Number)
        .filter(function (w) {
          return WIDTHS.indexOf(w) >= 0;
        });
      view = WIDTHS.filter(function (w) {
        return view.indexOf(w) >= 0;
      });
      if (!view.length) view = DEFAULT_VIEW.slice();
      var show = Number(q.get('show'));
      return {
        view: view,
        layout: q.get('layout') === 'single' ? 'single' : 'side',
        show: view.indexOf(show) >= 0 ? show : view[0],
        dir: q.get('dir') === 'rtl' || q.get('dir') === 'ltr' ? q.get('dir') : '',
        theme: THEMES.indexOf(q.get('theme')) >= 0 ? q.get('theme') : 'light',
        motion: q.get('motion') === 'reduce' ? 'reduce' : '',
        at: q.get('at') || safeDecode(location.hash.slice(1)),
      };
    }

    /** The shell's URL for the current settings (other query parameters and the hash are kept). */
    function shellUrl() {
      var q = new URLSearchParams(location.search);
      ['view', 'layout', 'show', 'dir', 'theme', 'motion', 'at'].forEach(function (k) {
        q.delete(k);
      });
      q.set('view', settings.view.join(','));
      if (settings.layout === 'single') {
        q.set('layout', 'single');
        q.set('show', String(settings.show));
      }
      if (settings.dir) q.set('dir', settings.dir);
      if (settings.theme !== 'light') q.set('theme', settings.theme);
      if (settings.motion) q.set('motion', settings.motion);
      if (settings.at) q.set('at', settings.at);
      return samePage('?' + q.toString().replace(/%2C/g, ','));
    }

    /** The page as a preview frame: same URL, ?sard-frame=1 and the frame settings; #EVENT when scrubbed. */
    function frameUrl() {
      var q = new URLSearchParams(location.search);
      ['view', 'layout', 'show', 'dir', 'theme', 'motion', 'at'].forEach(function (k) {
        q.delete(k);
      });
      q.set('sard-frame', '1');
      if (settings.dir) q.set('dir', settings.dir);
      q.set('theme', settings.theme);
      if (settings.motion) q.set('motion', settings.motion);
      if (settings.at) q.set('at', settings.at);
      return samePage('?' + q.toString());
    }

    /** This page with another query: built on the full URL, so a path like //host/x can never name another host. */
    function samePage(search) {
      var u = new URL(location.href);
      u.search = search;
      u.hash = '';
      return u.href;
    }

    /** A malformed #hash (%E0) must not stop the shell. */
    function safeDecode(raw) {
      try {
        return decodeURIComponent(raw);
      } catch (err) {
        return raw;
      }
    }

    function el(tag, attrs, children) {
      var node = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (k) {
        if (k === 'text') node.textContent = attrs[k];
        else if (attrs[k] !== false && attrs[k] != null) node.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
      });
      (children || []).forEach(function (c) {
        node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
      });
      return node;
    }

    var uid = 0;
    function labelled(text, control) {
      control.id = control.id || 'sard-preview-' + ++uid;
      return el('div', { class: 'sard-preview-field' }, [el('label', { for: control.id, text: text }), control]);
    }

    function build() {
      // ── toolbar ──
      ui.viewButtons = WIDTHS.map(function (w) {
        var b = el('button', { type: 'button', 'aria-pressed': 'false', 'data-width': w, text: w + ' px' });
        b.addEventListener('click', function () {
          toggleView(w);
        });
        return b;
      });
      var views = el('fieldset', { class: 'sard-preview-group' }, [el('legend', { text: 'Viewports' })].concat(ui.viewButtons));

      ui.layout = el('select', { name: 'layout' }, [el('option', { value: 'side', text: 'Side by side' }), el('option', { value: 'single', text: 'One at a time' })]);
      ui.layout.addEventListener('change', function () {
        settings.layout = ui.layout.value;
        changed(false);
      });
      ui.show = el('select', { name: 'show' });
      ui.show.addEventListener('change', function () {
        settings.show = Number(ui.show.value);
        changed(false);
      });
      ui.showField = labelled('Showing', ui.show);

      ui.dirRadios = [
        ['', 'As authored'],
        ['rtl', 'RTL'],
        ['ltr', 'LTR'],
      ].map(function (d) {
        var input = el('input', { type: 'radio', name: 'sard-preview-dir', value: d[0] });
        input.addEventListener('change', function () {
          if (!input.checked) return;
          settings.dir = d[0];
          changed(true);
        });
        return el('label', { class: 'sard-preview-radio' }, [input, ' ' + d[1]]);
      });
      var dirs = el('fieldset', { class: 'sard-preview-group' }, [el('legend', { text: 'Direction' })].concat(ui.dirRadios));

      ui.theme = el(
        'select',
        { name: 'theme' },
        THEMES.map(function (t) {
          return el('option', { value: t, text: t.charAt(0).toUpperCase() + t.slice(1) });
        }),
      );
      ui.theme.addEventListener('change', function () {
        settings.theme = ui.theme.value;
        changed(true);
      });

      ui.motion = el('button', { type: 'button', class: 'sard-preview-toggle', 'aria-pressed': 'false', text: 'Reduced motion' });
      ui.motion.addEventListener('click', function () {
        settings.motion = settings.motion ? '' : 'reduce';
        changed(true);
      });

      ui.scrub = el('select', { name: 'event', class: 'sard-preview-scrub', disabled: true }, [el('option', { value: '', text: 'Waiting for the story…' })]);
      ui.scrub.addEventListener('change', function () {
        if (!ui.scrub.value) return;
        settings.at = ui.scrub.value;
        history.replaceState(history.state, '', shellUrl());
        frames.forEach(function (f) {
          var story = storyIn(f);
          if (story && typeof story.goTo === 'function') story.goTo(settings.at);
        });
      });

      ui.copy = el('button', { type: 'button', text: 'Copy embed snippet' });
      ui.copy.addEventListener('click', copySnippet);
      ui.copyStatus = el('span', { class: 'sard-preview-status', role: 'status' });
      ui.plain = el('a', { class: 'sard-preview-plain', text: 'Page without the bar' });

      var bar = el('div', { class: 'sard-preview-bar', role: 'group', 'aria-label': 'Preview settings' }, [
        el('p', { class: 'sard-preview-title' }, [el('strong', { text: 'sard preview' })]),
        views,
        labelled('Layout', ui.layout),
        ui.showField,
        dirs,
        labelled('Theme', ui.theme),
        el('div', { class: 'sard-preview-field' }, [ui.motion]),
        labelled('Step', ui.scrub),
        el('div', { class: 'sard-preview-field' }, [ui.copy, ui.copyStatus]),
        ui.plain,
      ]);

      // ── frames and inspector ──
      // Focusable: on a narrow window the frames scroll sideways, and a keyboard must reach that (axe scrollable-region-focusable).
      ui.frames = el('div', { class: 'sard-preview-frames', tabindex: '0', role: 'group', 'aria-label': 'Preview frames' });
      ui.inspector = el('pre', { class: 'sard-preview-state', tabindex: '0', 'aria-labelledby': 'sard-preview-state-heading', text: 'Waiting for the first frame…' });
      ui.fallback = el('textarea', { class: 'sard-preview-fallback', readonly: true, rows: '6', hidden: true, 'aria-label': 'Embed snippet' });
      var aside = el('aside', { class: 'sard-preview-side', 'aria-label': 'State inspector' }, [
        el('h2', { id: 'sard-preview-state-heading', text: 'State of the first story (first frame)' }),
        ui.inspector,
        ui.fallback,
      ]);
      // A landmark of its own (role region, named): axe 'region' wants all content in one.
      ui.root = el('div', { class: 'sard-preview', lang: 'en', dir: 'ltr', role: 'region', 'aria-label': 'sard preview' }, [bar, el('div', { class: 'sard-preview-main' }, [ui.frames, aside])]);
      document.body.insertBefore(ui.root, document.body.firstChild);

      if (!document.querySelector('sard-story')) {
        ui.scrub.replaceChildren(el('option', { value: '', text: 'No story on this page' }));
        ui.copy.disabled = true;
        ui.inspector.textContent = 'No <sard-story> on this page.';
      }

      addEventListener('message', onMessage);
      // The frames area changes size with the window, and once preview.css arrives.
      new ResizeObserver(layout).observe(ui.frames);
      addEventListener('popstate', function () {
        settings = readSettings(new URLSearchParams(location.search));
        changed(true, true);
      });
      changed(true, true);
    }

    function toggleView(w) {
      var i = settings.view.indexOf(w);
      if (i >= 0 && settings.view.length === 1) {
        ui.copyStatus.textContent = 'At least one viewport stays on.';
        return;
      }
      if (i >= 0) settings.view.splice(i, 1);
      else settings.view.push(w);
      settings.view = WIDTHS.filter(function (x) {
        return settings.view.indexOf(x) >= 0;
      });
      if (settings.view.indexOf(settings.show) < 0) settings.show = i < 0 ? w : settings.view[0];
      changed(false);
    }

    /** Settings changed: controls, the shell's URL, the frames (reloaded when `reload`), their sizes. */
    function changed(reload, fromUrl) {
      if (!fromUrl) history.replaceState(history.state, '', shellUrl());
      ui.viewButtons.forEach(function (b) {
        b.setAttribute('aria-pressed', String(settings.view.indexOf(Number(b.getAttribute('data-width'))) >= 0));
      });
      ui.layout.value = settings.layout;
      ui.show.replaceChildren.apply(
        ui.show,
        settings.view.map(function (w) {
          return el('option', { value: w, text: w + ' px' });
        }),
      );
      ui.show.value = String(settings.show);
      ui.showField.hidden = settings.layout !== 'single';
      ui.dirRadios.forEach(function (label) {
        var input = label.querySelector('input');
        input.checked = input.value === settings.dir;
      });
      ui.theme.value = settings.theme;
      ui.motion.setAttribute('aria-pressed', String(settings.motion === 'reduce'));
      var src = frameUrl();
      ui.plain.href = src;

      // One frame per chosen width: keep the ones that stay, add the new ones.
      frames = frames.filter(function (f) {
        var keep = settings.view.indexOf(f.width) >= 0;
        if (!keep) f.figure.remove();
        return keep;
      });
      settings.view.forEach(function (w, i) {
        var f = frames.filter(function (x) {
          return x.width === w;
        })[0];
        if (!f) {
          f = { width: w, height: HEIGHTS[w] };
          f.iframe = el('iframe', { title: w + ' px wide preview of ' + document.title, width: w, height: f.height });
          f.iframe.addEventListener('load', function () {
            if (frames[0] === f) refreshFromFirstFrame();
          });
          f.figure = el('figure', { class: 'sard-preview-frame' }, [
            el('figcaption', { text: w + ' px' }),
            el('div', { class: 'sard-preview-viewport' }, [f.iframe]),
          ]);
          f.iframe.src = src;
          f.src = src;
          frames.splice(i, 0, f);
        } else if (reload && f.src !== src) {
          f.src = src;
          f.iframe.src = src;
        }
        f.figure.style.setProperty('--w', String(w));
        f.figure.style.setProperty('--h', String(f.height));
        f.figure.hidden = settings.layout === 'single' && settings.show !== w;
        ui.frames.appendChild(f.figure); // in width order
      });
      layout();
      refreshFromFirstFrame();
    }

    /** Scales the frames down (never up) so the shown ones fit the area side by side. */
    function layout() {
      if (!ui.frames) return;
      var shown = frames.filter(function (f) {
        return !f.figure.hidden;
      });
      var gap = 16;
      var caption = 28;
      var width = ui.frames.clientWidth - 2 * gap;
      var height = ui.frames.clientHeight - 2 * gap - caption;
      var total = shown.reduce(function (sum, f) {
        return sum + f.width;
      }, 0);
      var tallest = Math.max.apply(
        null,
        shown.map(function (f) {
          return f.height;
        }),
      );
      var scale = Math.min(1, (width - gap * (shown.length - 1)) / total, height / tallest);
      scale = Math.max(0.2, Math.floor(scale * 1000) / 1000);
      ui.frames.style.setProperty('--s', String(scale));
      ui.frames.setAttribute('data-scale', String(scale));
      captions();
    }

    /** Each frame's width, scale, and whether its stories are still loading. */
    function captions() {
      var scale = Number(ui.frames.getAttribute('data-scale')) || 1;
      var percent = scale < 1 ? ' · ' + Math.round(scale * 100) + '%' : '';
      frames.forEach(function (f) {
        var caption = f.figure.querySelector('figcaption');
        var record = frameRecord(f);
        var errors = record ? record.errors.filter(function (d) { return d.level === 'error'; }).length : 0;
        caption.textContent = f.width + ' px' + percent + (!record || !record.settled ? ' · loading…' : errors ? ' · ' + errors + ' error' + (errors > 1 ? 's' : '') : '');
        caption.title = f.width + ' × ' + f.height + ' CSS px' + (scale < 1 ? ', shown at ' + Math.round(scale * 100) + '%' : '');
      });
    }

    /** The frame's own record (preview.js in the frame), once the frame shows its current URL. */
    function frameRecord(f) {
      try {
        var w = f.iframe.contentWindow;
        return w && w.location.href === f.iframe.src && w.__sardPreview ? w.__sardPreview : null;
      } catch (e) {
        return null;
      }
    }

    function storyIn(f) {
      try {
        var doc = f.iframe.contentWindow && f.iframe.contentWindow.document;
        return doc ? doc.querySelector('sard-story') : null;
      } catch (e) {
        return null;
      }
    }

    function onMessage(e) {
      if (e.origin !== location.origin || !e.data || !e.data.sardPreview) return;
      if (e.data.sardPreview === 'settled' || e.data.sardPreview === 'load') captions();
      if (frames[0] && e.source === frames[0].iframe.contentWindow) refreshFromFirstFrame();
    }

    /** The scrubber's events and the inspector, from the first story of the first frame. */
    function refreshFromFirstFrame() {
      var story = frames[0] && storyIn(frames[0]);
      if (!story) return;
      var file = story.events;
      if (file && Array.isArray(file.events) && scrubberEvents !== file.events) {
        scrubberEvents = file.events;
        // Only events a step tells can be reached (goTo scrolls to the first step of the event).
        var told = {};
        story.querySelectorAll('sard-step[event]').forEach(function (step) {
          told[step.getAttribute('event')] = true;
        });
        var options = [el('option', { value: '', text: 'Choose an event (' + file.events.length + ')…' })].concat(
          file.events.map(function (ev, i) {
            var date = typeof ev.date === 'string' ? ev.date : ev.date ? ev.date.start + '–' + ev.date.end : '';
            var option = el('option', { value: ev.id, dir: 'auto', text: 'event ' + (i + 1) + '. ' + (ev.title || ev.id) + (date ? ' · ' + date : '') + (told[ev.id] ? '' : ' (no step tells it)') });
            option.disabled = !told[ev.id];
            return option;
          }),
        );
        ui.scrub.replaceChildren.apply(ui.scrub, options);
        ui.scrub.disabled = false;
      }
      if (scrubberEvents) ui.scrub.value = story.activeEventId || settings.at || '';
      var shown = inspect(story);
      var record = frameRecord(frames[0]);
      if (record && record.errors.length) shown.problems = record.errors.map(function (d) { return d.level + ': ' + d.path + ': ' + d.message; });
      ui.inspector.textContent = pretty(shown);
    }

    /** JSON, two-space indented, with short arrays and objects of plain values on one line. */
    function pretty(value) {
      return JSON.stringify(value, null, 2).replace(/([\[{])\n\s*([^\[\]{}]*?)\n\s*([\]}])/g, function (all, open, body, close) {
        var line = open + ' ' + body.replace(/\n\s*/g, ' ') + ' ' + close;
        return line.length <= 40 ? line : all;
      });
    }

    function inspect(story) {
      var state = story.state;
      if (!state) return { activeIndex: story.activeIndex, state: null };
      var byState = {};
      Object.keys(state.control || {}).forEach(function (area) {
        var s = state.control[area];
        byState[s] = (byState[s] || 0) + 1;
      });
      return {
        eventId: state.eventId,
        activeIndex: story.activeIndex,
        date: state.date,
        view: state.view,
        control: byState,
        visible: state.visible,
        highlight: state.highlight,
        counters: state.counters,
      };
    }

    // ── embed snippet ──

    /** The script form of the page's first story: the kit's classic script and the story's markup as written, with absolute URLs. */
    function buildSnippet() {
      var page = location.href.split('#')[0];
      var kit = [].slice.call(document.querySelectorAll('script[src]')).filter(function (s) {
        return /(^|\/)sard(\.iife)?\.js(\?|$)/.test(s.getAttribute('src'));
      })[0];
      var iife = kit ? new URL('sard.iife.js', kit.src).href : new URL('../../dist/sard.iife.js', HERE).href;
      return fetch(page, { cache: 'force-cache' })
        .then(function (res) {
          if (!res.ok) throw new Error('HTTP ' + res.status);
          return res.text();
        })
        .then(function (text) {
          return new DOMParser().parseFromString(text, 'text/html').querySelector('sard-story');
        })
        .catch(function () {
          return null;
        })
        .then(function (story) {
          story = story || document.querySelector('sard-story').cloneNode(true);
          [story].concat([].slice.call(story.querySelectorAll('[src], [href]'))).forEach(function (node) {
            ['src', 'href'].forEach(function (attr) {
              var v = node.getAttribute(attr);
              if (v && !/^#/.test(v)) node.setAttribute(attr, new URL(v, page).href);
            });
          });
          return '<script src="' + iife + '"></' + 'script>\n' + story.outerHTML + '\n';
        });
    }

    function copySnippet() {
      ui.copyStatus.textContent = '';
      buildSnippet().then(function (text) {
        var done = function () {
          ui.fallback.hidden = true;
          ui.copy.textContent = 'Copied ✓';
          ui.copyStatus.textContent = 'Embed snippet copied to the clipboard.';
          setTimeout(function () {
            ui.copy.textContent = 'Copy embed snippet';
          }, 2500);
        };
        var fallback = function () {
          ui.fallback.value = text;
          ui.fallback.hidden = false;
          ui.fallback.focus();
          ui.fallback.select();
          ui.copyStatus.textContent = 'Clipboard not available: the snippet is selected below, press Ctrl+C (⌘C).';
        };
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
        else fallback();
      });
    }
  }
})();
