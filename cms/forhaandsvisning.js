// Decap CMS's preview beside the form (/admin/): what a resident sees first, in the site's own stylesheet.
// A course: its title, intro, sessions (date and time, or each meeting of one held over several, as the course page
// shows them; place, status, seats) and price; a learning path: its title, intro and steps; a toolkit page: its
// kind, title, intro and text. Labels come from the form's own options (cms/config.yml, generated from the
// taxonomy), so nothing here repeats the taxonomy. Written by hand; `build.py` serves it beside Decap at /admin/.
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  // The toolkit's collections, one per type, as cms.py names them in the page's script tag.
  var toolkit = (document.currentScript.getAttribute("data-vaerktoejskasse") || "").split(" ").filter(Boolean);
  if (!CMS || !h) {
    return;
  }
  CMS.registerPreviewStyle("../assets/kursus.css");
  CMS.registerPreviewStyle(".forhaandsvisning { max-width: 40rem; margin: 1rem; font-size: 1rem;" +
                           " font-family: -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif; }" +
                           ".forhaandsvisning__note { color: #545454; font-size: 1rem; }", { raw: true });

  var weekdays = new Intl.DateTimeFormat("da-DK", { weekday: "long", timeZone: "UTC" });
  var months = new Intl.DateTimeFormat("da-DK", { month: "long", timeZone: "UTC" });

  // "torsdag 8. april 2027", as the site writes a date
  function longDate(day) {
    return weekdays.format(day) + " " + day.getUTCDate() + ". " + months.format(day) + " " + day.getUTCFullYear();
  }

  // "2027-04-01 17:30" (what the form saves) as its parts; null when it is not filled in yet.
  function parts(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(String(value || ""));
    if (!match) {
      return null;
    }
    return { day: new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])),
             time: match[4] ? match[4] + "." + match[5] : "", hour: match[4] ? +match[4] : null };
  }

  function timeSpan(start, end) {
    var from = parts(start);
    var to = parts(end);
    if (!from) {
      return "Dato og tid mangler";
    }
    var text = longDate(from.day) + (from.time ? " kl. " + from.time : "");
    if (to && to.day.getTime() === from.day.getTime()) {
      return text + (to.time ? "–" + to.time : "");
    }
    return to ? text + " til " + longDate(to.day) + (to.time ? " kl. " + to.time : "") : text;
  }

  // A session held over several meetings (FORMAT.md §1), shown as the course page shows it (catalogue/danish.py:
  // meetings_count, meetings_dates, meetings_days; templates/pages/_macros.html.jinja: session_when, meetings_list).
  var EVENING_FROM = 17;  // a meeting that starts at this hour or later is an evening (danish.EVENING_FROM)

  function sameDay(one, other) {
    return one.day.getTime() === other.day.getTime();
  }

  function andList(words) {
    return words.length > 1 ? words.slice(0, -1).join(", ") + " og " + words[words.length - 1] : words.join("");
  }

  // "7. april"
  function dayMonth(day) {
    return day.getUTCDate() + ". " + months.format(day);
  }

  // What the meetings are, in the plural: 'aftener', 'dage', or else 'mødegange'
  function meetingsUnit(meetings) {
    if (meetings.some(function (m) { return !sameDay(m.start, m.end); })) {
      return "mødegange";
    }
    return meetings.every(function (m) { return m.start.hour >= EVENING_FROM; }) ? "aftener" : "dage";
  }

  // "onsdag 7., 21. april og 5. maj 2027 kl. 18.00–21.00" for meetings on the same weekday at the same hours, each
  // within a day; null when they differ
  function meetingsDates(meetings) {
    var first = meetings[0];
    var same = {};
    meetings.forEach(function (m) {
      same[[m.start.day.getUTCDay(), m.start.time, m.end.time, m.start.day.getUTCFullYear(), sameDay(m.start, m.end)]
        .join(" ")] = true;
    });
    if (Object.keys(same).length !== 1 || !sameDay(first.start, first.end)) {
      return null;
    }
    var days = meetings.map(function (m, index) {
      var next = meetings[index + 1];
      var lastOfMonth = !next || next.start.day.getUTCMonth() !== m.start.day.getUTCMonth();
      return lastOfMonth ? dayMonth(m.start.day) : m.start.day.getUTCDate() + ".";
    });
    return weekdays.format(first.start.day) + " " + andList(days) + " " + first.start.day.getUTCFullYear() +
      " kl. " + first.start.time + "–" + first.end.time;
  }

  // "19.–20. marts, 24. april og 4.–5. juni 2027": the days each meeting takes, the year after each last day of one
  function meetingsDays(meetings) {
    return andList(meetings.map(function (m, index) {
      var first = m.start.day;
      var last = m.end.day;
      var next = meetings[index + 1];
      var year = next && next.start.day.getUTCFullYear() === last.getUTCFullYear() ? "" : " " + last.getUTCFullYear();
      if (first.getTime() === last.getTime()) {
        return dayMonth(last) + year;
      }
      if (first.getUTCFullYear() === last.getUTCFullYear() && first.getUTCMonth() === last.getUTCMonth()) {
        return first.getUTCDate() + ".–" + dayMonth(last) + year;
      }
      var sameYear = first.getUTCFullYear() === last.getUTCFullYear();
      return dayMonth(first) + (sameYear ? "" : " " + first.getUTCFullYear()) + "–" + dayMonth(last) + year;
    }));
  }

  // A key's value in a part of the form (a session, a meeting), which may be missing while the editor works.
  function valueIn(map, key) {
    return map && map.get ? map.get(key) : undefined;
  }

  // A session's time as the course page writes it: "Torsdag 8. april 2027 kl. 17.00–20.00", or for one held over
  // meetings "3 aftener: onsdag 7., 21. april og 5. maj 2027 kl. 18.00–21.00" and, where that line cannot say it
  // all (other days or hours, or a note), each meeting with its note.
  function sessionWhen(session) {
    var list = session.get("mødegange");
    if (!list || list.size < 2) {  // one meeting alone (the form asks for another) is shown as the session's time
      var only = list && list.size ? list.first() : session;
      return { when: capitalized(timeSpan(valueIn(only, "start"), valueIn(only, "slut"))), meetings: null };
    }
    var meetings = list.toArray().map(function (meeting) {
      var note = valueIn(meeting, "note");
      return { start: parts(valueIn(meeting, "start")), end: parts(valueIn(meeting, "slut")),
               note: note === undefined || note === null ? "" : String(note),
               text: capitalized(timeSpan(valueIn(meeting, "start"), valueIn(meeting, "slut"))) };
    });
    var whole = meetings.every(function (m) { return m.start && m.end && m.start.time && m.end.time; });
    if (!whole) {
      return { when: meetings.length + " mødegange: dato og tid mangler", meetings: meetings };
    }
    var dates = meetingsDates(meetings);
    return { when: meetings.length + " " + meetingsUnit(meetings) + ": " + (dates || meetingsDays(meetings)),
             meetings: !dates || meetings.some(function (m) { return m.note; }) ? meetings : null };
  }

  // 1450 as the site writes a number (catalogue/danish.py): 1.450
  function danishNumber(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  // The price as the site shows it ("1.450 kr.", "Gratis" for 0), from what the form holds: a number, or text
  // that is not one, which the field refuses and the site would never show.
  function price(value) {
    if (value === undefined || value === null || String(value).trim() === "") {
      return "Prisen mangler";
    }
    var text = String(value).trim();
    if (!/^(0|[1-9][0-9]*)$/.test(text)) {
      return "Prisen skal skrives med cifre alene – se feltet Pris";
    }
    return text === "0" ? "Gratis" : danishNumber(text) + " kr.";
  }

  function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // The label the form shows for a key of a select field, found by the field's path in the collection.
  function label(collection, path, key) {
    var fields = collection.get("fields");
    var field = null;
    path.forEach(function (name) {
      field = fields && fields.find(function (f) { return f.get("name") === name; });
      fields = field && field.get("fields");
    });
    var option = field && field.get("options") && field.get("options").find(function (o) {
      return o.get("value") === key;
    });
    return option ? option.get("label") : key;
  }

  function text(entry, key) {
    var value = entry.getIn(["data", key]);
    return value === undefined || value === null ? "" : String(value);
  }

  var CoursePreview = window.createClass({
    render: function () {
      var entry = this.props.entry;
      var collection = this.props.collection;
      var form = text(entry, "form");
      var sessions = (entry.getIn(["data", "hold"]) || []).map(function (session, index) {
        var place = session.getIn(["sted", "navn"]);
        var town = session.getIn(["sted", "by"]);
        var ownForm = session.get("form") || form;
        var where = ownForm === "online" ? "Online" : [place, town].filter(Boolean).join(", ") || "Sted mangler";
        var status = session.get("status") || "ledig";
        var seats = session.get("pladser");
        var when = sessionWhen(session);
        return h("li", { key: index, className: "hold" + (status === "aflyst" ? " hold--aflyst" : "") },
          h("p", { className: "hold__tid" }, h("strong", null, when.when)),
          when.meetings ? h("ol", { className: "moedegange", "aria-label": "Mødegangene" },
            when.meetings.map(function (meeting, number) {
              return h("li", { key: number }, meeting.text + (meeting.note ? " – " + meeting.note : ""));
            })) : null,
          h("p", { className: "hold__sted" }, where),
          h("p", { className: "hold__fakta" },
            h("span", { className: "status status--" + status }, label(collection, ["hold", "status"], status)),
            typeof seats === "number" ? " · " + danishNumber(seats) + " pladser i alt" : null));
      });
      var note = text(entry, "pris_note");
      return h("article", { className: "md-typeset forhaandsvisning" },
        h("p", { className: "forhaandsvisning__note" }, "Forhåndsvisning: sådan begynder kursets side"),
        h("h1", null, text(entry, "titel") || "Kursets titel"),
        h("p", { className: "kursus-intro" }, text(entry, "intro")),
        h("h2", null, sessions.size ? "Hold" : "Ingen planlagte hold"),
        sessions.size ? h("ul", { className: "hold-liste" }, sessions) : null,
        h("dl", { className: "kursus-fakta" },
          h("div", null, h("dt", null, "Pris"),
            h("dd", null, price(entry.getIn(["data", "pris"])),
              note ? h("br") : null, note ? h("span", { className: "kursus-fakta__note" }, note) : null))),
        h("h2", null, "Indhold"),
        this.props.widgetFor("beskrivelse"));
    }
  });

  var ToolkitPreview = window.createClass({
    render: function () {
      var entry = this.props.entry;
      var kind = label(this.props.collection, ["type"], text(entry, "type"));
      return h("article", { className: "md-typeset forhaandsvisning" },
        h("p", { className: "forhaandsvisning__note" }, "Forhåndsvisning: sådan begynder siden"),
        h("p", null, h("span", { className: "maerke" }, kind)),
        h("h1", null, text(entry, "titel") || "Sidens titel"),
        h("p", { className: "kursus-intro" }, text(entry, "intro")),
        this.props.widgetFor("body"));
    }
  });

  // A learning path: its title, intro and steps in order, numbered as on the path's page. A step shows what it
  // names as written (the form has no list of the courses and pages); `check` says whether it exists.
  var PathPreview = window.createClass({
    render: function () {
      var entry = this.props.entry;
      var steps = (entry.getIn(["data", "trin"]) || []).map(function (step, index) {
        var course = step.get("kursus");
        var page = step.get("materiale");
        return h("li", { key: index, className: "forloeb-trin__trin" },
          h("span", { className: "forloeb-trin__nummer", "aria-hidden": "true" }, String(index + 1)),
          step.get("hvornaar") ? h("p", { className: "forloeb-trin__hvornaar" }, String(step.get("hvornaar"))) : null,
          h("h3", { className: "forloeb-trin__titel" }, String(course || page || "Kursus eller side mangler")),
          h("p", { className: "forloeb-trin__type" },
            h("span", { className: "maerke" }, course ? "Kursus" : "Fra værktøjskassen")),
          step.get("note") ? h("p", { className: "forloeb-trin__note" }, String(step.get("note"))) : null);
      });
      return h("article", { className: "md-typeset forhaandsvisning" },
        h("p", { className: "forhaandsvisning__note" }, "Forhåndsvisning: sådan begynder forløbets side"),
        h("h1", null, text(entry, "titel") || "Forløbets titel"),
        h("p", { className: "kursus-intro" }, text(entry, "intro")),
        this.props.widgetFor("beskrivelse"),
        h("h2", null, "Trinnene"),
        steps.size ? h("ol", { className: "forloeb-trin", role: "list" }, steps) : h("p", null, "Ingen trin endnu"));
    }
  });

  CMS.registerPreviewTemplate("kurser", CoursePreview);
  CMS.registerPreviewTemplate("forloeb", PathPreview);
  toolkit.forEach(function (name) {
    CMS.registerPreviewTemplate(name, ToolkitPreview);
  });
}());
