// The search page: a search field and a plain list of results on Pagefind's JS API. Each result says what
// kind of page it is (Kursus, Skabelon, …), links its title and shows its intro. The header's search form
// sends its words here as ?q=…; the address follows what is searched. Every text is set with textContent.
(function () {
  "use strict";
  var element = document.getElementById("soeg");
  if (!element) {
    return;
  }
  var PAGE_SIZE = 10;
  // As catalogue/search.py's MIN_WORD, MIN_PART, MAX_WORD and NEAR_SPAN: shorter words are never split, longer ones
  // neither; a compound's parts are found together where they stand within NEAR_SPAN words of each other.
  var MIN_COMPOUND = 7;
  var MIN_PART = 3;
  var MAX_COMPOUND = 40;
  var NEAR_SPAN = 3;
  var LINKS = ["s", "e"]; // Danish linking letters: afdeling-s-møde, barn-e-vogn
  // Endings a compound's last part may have that the word of the site's vocabulary has not, or the other way round.
  var ENDINGS = ["e", "n", "r", "s", "t", "en", "er", "es", "et", "ne", "re", "rs", "ts", "ens", "ene", "ers", "ets",
    "rne", "erne", "ende", "ede"];
  // Words that ask for nothing on their own ('pris på kurser', 'kursus i vores afdeling'): left out of a query that
  // has other words, so that a page is not found, or ranked, for having 'på' or 'vores'. Snowball's Danish stop
  // words (snowballstem.org/algorithms/danish/stop.txt) and the possessives that list writes in their old forms.
  var STOP_WORDS = new Set(("og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har " +
    "om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev " +
    "kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden " +
    "hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan " +
    "vores jeres").split(" "));
  // The site's root, wherever it is published: the search page lives one folder down.
  var root = new URL("..", window.location.href).pathname;

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // The search box, its label and button, the status line (a live region) and the list.
  var form = make("form", "soeg__form");
  form.setAttribute("role", "search");
  var label = make("label", "soeg__etiket", "Søg efter kurser, skabeloner og vejledninger");
  label.htmlFor = "soeg-felt";
  var row = make("div", "soeg__linje");
  var input = make("input", "soeg__felt");
  input.id = "soeg-felt";
  input.type = "search";
  input.name = "q";
  input.autocomplete = "off";
  input.setAttribute("enterkeyhint", "search");
  var button = make("button", "soeg__knap", "Søg");
  button.type = "submit";
  row.append(input, button);
  form.append(label, row);
  var status = make("p", "soeg__status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  var list = make("ul", "soeg__resultater");
  var more = make("button", "soeg__flere", "Vis flere resultater");
  more.type = "button";
  more.hidden = true;
  element.replaceChildren(form, status, list, more);

  // Danish adjectives in the neuter ('digitalt', 'grønt') are found by their base form;
  // Pagefind matches the beginnings of words, so a dropped 't' loses nothing.
  function processTerm(term) {
    return term.replace(/([^\s]{3,}[lgnd])t(?=\s|$)/g, "$1");
  }

  var pagefind = null;
  function load() {
    if (!pagefind) {
      pagefind = import(root + "pagefind/pagefind.js").then(function (module) {
        // A large site's index comes in parts (pagefind/, pagefind-2/, …): pagefind/dele.js names the others.
        var others = window.searchIndexParts || [];
        return module.options({ baseUrl: root }).then(function () {
          return Promise.all(others.map(function (part) {
            return module.mergeIndex(root + part);
          }));
        }).then(function () {
          // How many pages the index has: a word's share of them tells whether it is common (``ranked``).
          return module.search(null, { filters: {} });
        }).then(function (everything) {
          return { module: module, pages: everything.results.length };
        });
      });
    }
    return pagefind;
  }

  // The site's compounds, each with the ways to search it as its parts, and the words a compound the site does not
  // have may be split into (written by the build beside this page: catalogue/search.py's write_compounds).
  var site = null;
  function loadSite() {
    if (!site) {
      site = fetch(root + "soeg/sammensatte.json").then(function (response) {
        return response.ok ? response.json() : {};
      }).catch(function () {
        return {};
      }).then(function (data) {
        return { compounds: data.sammensatte || {}, vocabulary: new Set(data.ord || []) };
      });
    }
    return site;
  }

  function words(query) {
    return query.toLowerCase().split(/\s+/).filter(Boolean);
  }

  // The words of a query that are searched: its stop words left out, unless it has nothing else.
  function meant(query) {
    var typed = words(query);
    var rest = typed.filter(function (word) {
      return !STOP_WORDS.has(word);
    });
    return words(processTerm((rest.length ? rest : typed).join(" ")));
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  // A word of the vocabulary, or one with another ending ('møderne' for 'møder', 'stigning' for 'stigninger').
  function knownEnd(word, vocabulary) {
    return vocabulary.has(word) || ENDINGS.some(function (ending) {
      var stem = word.slice(0, -ending.length);
      return (word.endsWith(ending) && stem.length >= MIN_PART && vocabulary.has(stem)) ||
        vocabulary.has(word + ending);
    });
  }

  // A compound the site does not have, split much as catalogue/search.py splits the site's: the longest known first
  // part, then the rest, whose last part may end otherwise; null when it is no compound.
  function split(word, vocabulary) {
    for (var cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
      var head = word.slice(0, cut);
      var tail = word.slice(cut);
      // The head as written first ('møde|referat'), then without a linking letter ('afdelings' → 'afdeling').
      var heads = [head].concat(LINKS.filter(function (link) {
        return head.endsWith(link);
      }).map(function () {
        return head.slice(0, -1);
      }));
      var known = heads.find(function (candidate) {
        return candidate.length >= MIN_PART && vocabulary.has(candidate);
      });
      if (known) {
        if (knownEnd(tail, vocabulary)) {
          return [known, tail];
        }
        var rest = tail.length >= 2 * MIN_PART ? split(tail, vocabulary) : null;
        if (rest) {
          return [known].concat(rest);
        }
      }
    }
    return null;
  }

  // Where each part stands in a word, a linking letter between two of them left out; null when they are not its parts.
  function spans(word, parts) {
    var found = [];
    var start = 0;
    for (var i = 0; i < parts.length; i++) {
      start = word.indexOf(parts[i], start);
      if (start < 0) {
        return null;
      }
      found.push([start, start + parts[i].length]);
      start += parts[i].length;
    }
    return found;
  }

  // A compound the site does not have, split into its parts: the ways to cut it into pieces, each a part or a run of
  // them that is a compound of the site ('afdelingsmødereferat' → 'afdelingsmøde referat', 'afdeling møde
  // referat'), fewest pieces first.
  function cuts(word, parts, compounds) {
    var at = spans(word, parts);
    if (!at) {
      return [parts];
    }
    function from(first) {
      if (first === parts.length) {
        return [[]];
      }
      var found = [];
      for (var last = first; last < parts.length; last++) {
        var piece = word.slice(at[first][0], at[last][1]);
        if ((first === last || has(compounds, piece)) && !(first === 0 && last === parts.length - 1)) {
          from(last + 1).forEach(function (rest) {
            found.push([piece].concat(rest));
          });
        }
      }
      return found;
    }
    return from(0).sort(function (a, b) {
      return a.length - b.length;
    });
  }

  // A word of the query as it is searched: the word itself, and — a compound — the ways to search it as its parts:
  // the site's own for a compound of the site, else the parts it splits into. The word itself is not searched when
  // the site has no word it could find (a compound none of whose forms the site has: Pagefind would find pages for
  // the longest word of the site the query's word begins with, 'afdelingsmødereferat' as 'afdelingsmød').
  function asSearched(word, known) {
    if (word.length < MIN_COMPOUND || word.length > MAX_COMPOUND) {
      return { whole: true, ways: [] };
    }
    if (has(known.compounds, word)) {
      return { whole: true, ways: known.compounds[word] };
    }
    var parts = known.vocabulary.has(word) ? null : split(word, known.vocabulary);
    if (!parts) {
      return { whole: true, ways: [] };
    }
    var begins = word.slice(0, Math.max(parts[0].length + 1, word.length - 4));
    var whole = Object.keys(known.compounds).some(function (compound) {
      return compound.startsWith(begins);
    });
    return { whole: whole, ways: cuts(word, parts, known.compounds) };
  }

  // Results as Pagefind ranks them, each page once (the parts of a large site's index never share a page).
  function unique(results) {
    var seen = {};
    return results.filter(function (result) {
      if (seen[result.id]) {
        return false;
      }
      seen[result.id] = true;
      return true;
    });
  }

  // One search per term, each made once for a query: the pages that have it, by id.
  function searcher(module) {
    var made = {};
    return function (term) {
      if (!has(made, term)) {
        made[term] = module.search(term).then(function (search) {
          var pages = {};
          unique(search.results).forEach(function (result) {
            pages[result.id] = result;
          });
          return pages;
        });
      }
      return made[term];
    };
  }

  // Whether one place of each list (the places of the words on a page) lies within NEAR_SPAN words of the others.
  function near(lists) {
    var sorted = lists.map(function (places) {
      return places.slice().sort(function (a, b) {
        return a - b;
      });
    });
    var at = sorted.map(function () {
      return 0;
    });
    for (;;) {
      var lowest = 0;
      var highest = -Infinity;
      for (var i = 0; i < sorted.length; i++) {
        var place = sorted[i][at[i]];
        if (place < sorted[lowest][at[lowest]]) {
          lowest = i;
        }
        highest = Math.max(highest, place);
      }
      if (highest - sorted[lowest][at[lowest]] <= NEAR_SPAN) {
        return true;
      }
      at[lowest] += 1;
      if (at[lowest] >= sorted[lowest].length) {
        return false;
      }
    }
  }

  // The pages that have one word of a query: the word itself (as Pagefind finds it: its stem, or a word it begins),
  // or — a compound — all its parts in one of its ways, near each other ('afdelingens møde' for 'afdelingsmøde').
  // When those fill less than a page of results, the pages with all its parts farther apart follow ('budget' and
  // 'kursus' anywhere on a page for 'budgetkursus'), so that a compound no page has is no dead end.
  // By id: the result, Pagefind's score, whether the word itself was found, and whether its parts stand far apart.
  function matches(find, word, searched) {
    return Promise.all([searched.whole ? find(word) : {}].concat(searched.ways.map(function (way) {
      return Promise.all(way.map(find).concat(find(way.join(" "))));
    }))).then(function (found) {
      var pages = {};
      var apart = {};
      Object.keys(found[0]).forEach(function (id) {
        pages[id] = { result: found[0][id], score: found[0][id].score, whole: true, far: false };
      });
      found.slice(1).forEach(function (searches) {
        // The pages with each part, and Pagefind's ranking of the pages with all of them (its score for the parts
        // together ranks better than the sum of its scores for each: 'indkaldelse til afdelingsmøde' first for
        // 'mødeindkaldelse').
        var pieces = searches.slice(0, -1);
        var together = searches[searches.length - 1];
        Object.keys(pieces[0]).forEach(function (id) {
          if ((pages[id] && pages[id].whole) || !pieces.every(function (piece) {
            return has(piece, id);
          })) {
            return;
          }
          var score = has(together, id) ? together[id].score : pieces.reduce(function (sum, piece) {
            return sum + piece[id].score;
          }, 0);
          var close = near(pieces.map(function (piece) {
            return piece[id].words;
          }));
          var into = close ? pages : apart;
          if (!into[id] || score > into[id].score) {
            into[id] = { result: pieces[0][id], score: score, whole: false, far: !close };
          }
        });
      });
      if (Object.keys(pages).length < PAGE_SIZE) {
        Object.keys(apart).forEach(function (id) {
          if (!has(pages, id)) {
            pages[id] = apart[id];
          }
        });
      }
      return pages;
    });
  }

  // The pages for a query. Pages with every word (but the common ones) come first: those with each compound itself,
  // as Pagefind ranks them for all the words (``together``), before those with some compound only as its parts (near
  // each other before far apart), by Pagefind's score added up over the words. When no page has every word (of
  // several): the pages ranked by how many words they have; with three words or more, only pages with two of them or
  // more (when there are any).
  function ranked(perWord, together, total, compound) {
    // A word on more than half the pages ('bestyrelsen', 'kurser') tells little about which page is meant: a page
    // need not have it, it only adds to the page's score (as Lucene's common terms query) — unless every word is one.
    // A compound always tells: its pages come first ('referat afdelingsmødet').
    var common = perWord.map(function (found, i) {
      return !compound[i] && Object.keys(found).length * 2 > total;
    });
    if (common.every(Boolean)) {
      common = common.map(function () {
        return false;
      });
    }
    var rare = common.filter(function (isCommon) {
      return !isCommon;
    }).length;
    var pages = {};
    perWord.forEach(function (found, i) {
      Object.keys(found).forEach(function (id) {
        var page = pages[id] || (pages[id] = { result: found[id].result, words: 0, all: 0, far: 0, parts: 0, score: 0 });
        page.words += common[i] ? 0 : 1;
        page.all += 1;
        page.far += found[id].far ? 1 : 0;
        page.parts += found[id].whole ? 0 : 1;
        page.score += found[id].score;
      });
    });
    var all = Object.keys(pages).map(function (id) {
      var page = pages[id];
      if (page.all === perWord.length && !page.parts && has(together, id)) {
        page.score = together[id].score;
      }
      return page;
    });
    var best = all.reduce(function (most, page) {
      return Math.max(most, page.words);
    }, 0);
    var partial = best < rare;
    var needed = partial ? (rare >= 3 ? Math.min(2, best) : Math.min(1, best)) : rare;
    return {
      partial: partial,
      results: all.filter(function (page) {
        return page.words >= needed;
      }).sort(function (a, b) {
        return b.words - a.words || a.far - b.far || a.parts - b.parts || b.score - a.score;
      }).map(function (page) {
        return page.result;
      })
    };
  }

  function card(data) {
    var item = make("li", "soeg-resultat");
    item.append(make("p", "soeg-resultat__type", (data.meta && data.meta.type) || "Side"));
    var heading = make("h2", "soeg-resultat__titel");
    var link = make("a", "soeg-resultat__link", (data.meta && data.meta.title) || data.url);
    link.href = data.url;
    heading.append(link);
    item.append(heading);
    var intro = data.meta && data.meta.intro;
    if (intro) {
      item.append(make("p", "soeg-resultat__intro", intro));
    }
    // A course's next session, as its card shows it (catalogue/search.py's course_meta_html).
    var session = data.meta && data.meta.hold;
    if (session) {
      item.append(make("p", "soeg-resultat__hold", session));
    }
    return item;
  }

  var shown = [];
  var showing = 0;
  var current = 0; // the latest search: an older one that answers late is dropped
  // The next results' cards, once their pages' data have come; a new search's status line is set with them.
  function showMore(search, statusText) {
    var next = shown.slice(showing, showing + PAGE_SIZE);
    return Promise.all(next.map(function (result) {
      return result.data();
    })).then(function (pages) {
      if (search !== current) {
        return;
      }
      if (statusText !== undefined) {
        list.replaceChildren();
        status.textContent = statusText;
      }
      showing += pages.length;
      pages.forEach(function (data) {
        list.append(card(data));
      });
      more.hidden = showing >= shown.length;
    });
  }

  function count(n) {
    return n === 1 ? "1 resultat" : n + " resultater";
  }

  function run(query) {
    var search = ++current;
    var typed = query.trim();
    if (!typed) {
      shown = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return Promise.resolve();
    }
    var quoted = "\u201d" + typed + "\u201d";
    var typedWords = meant(typed);
    // The site's compounds are fetched only for a query with a word long enough to be one.
    var long = typedWords.some(function (word) {
      return word.length >= MIN_COMPOUND;
    });
    return Promise.all([load(), long ? loadSite() : { compounds: {}, vocabulary: new Set() }]).then(function (loaded) {
      var find = searcher(loaded[0].module);
      var searched = typedWords.map(function (word) {
        return asSearched(word, loaded[1]);
      });
      var wholes = searched.every(function (word) {
        return word.whole;
      });
      return Promise.all([wholes && typedWords.length > 1 ? find(typedWords.join(" ")) : {}].concat(
        typedWords.map(function (word, i) {
          return matches(find, word, searched[i]);
        }))).then(function (found) {
        return ranked(found.slice(1), found[0], loaded[0].pages, searched.map(function (word) {
          return word.ways.length > 0;
        }));
      });
    }).then(function (found) {
      if (search !== current) {
        return;
      }
      shown = found.results;
      showing = 0;
      if (!shown.length) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = "Ingen resultater for " + quoted + ". Prøv et andet ord, eller færre ord.";
        return;
      }
      return showMore(search, found.partial
        ? "Ingen sider indeholder alle ordene i " + quoted + ". Her er de sider, der passer bedst: " +
          count(shown.length) + ", dem med flest af ordene først."
        : count(shown.length) + " for " + quoted + ".");
    }).catch(function () {
      if (search === current) {
        status.textContent = "Søgningen virker ikke lige nu. Prøv igen senere.";
      }
    });
  }

  function follow(query) {
    var url = new URL(window.location.href);
    if (query) {
      url.searchParams.set("q", query);
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url);
  }

  var timer = 0;
  input.addEventListener("input", function () {
    follow(input.value);
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      run(input.value);
    }, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    follow(input.value);
    run(input.value);
  });
  more.addEventListener("click", function () {
    var first = showing;
    showMore(current).then(function () {
      // Keyboard users go on from the first new result.
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) {
        link.focus();
      }
    });
  });

  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    input.value = query;
    run(query);
  } else {
    input.focus();
  }
})();
