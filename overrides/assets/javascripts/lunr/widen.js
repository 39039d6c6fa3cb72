/* Lunr, as Material's search worker uses it, taught the page's language: inflected forms and words typed
   without accents. Loaded by workers/search-languages.js when search opens, before the index is built.

   Material's worker appends a wildcard to every query word ("finanzierungen*"), and Lunr never stems a
   word with a wildcard, so a stemmer alone would only shorten the indexed words and lose the prefix
   matches. Here:
   - every indexed word is kept with its stem and their accent-free forms (lunr-languages' stemmer of the
     page's language; Lunr's own for English), all at the word's position, so results highlight it;
   - every query word, wildcard or not, is looked up in the same forms, as a prefix when it had one;
   - the matches are reported under the words the reader typed, each position once, which is what
     Material's result list reads to highlight words and to mark words "missing". */
(function () {
  "use strict";
  var lunr = self.lunr;
  var WILDCARD = "*";

  /* "Développement" and "developpement", "Förderung" and "Forderung", "Straße" and "Strasse" */
  function fold(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ß/g, "ss").replace(/æ/g, "ae").replace(/œ/g, "oe");
  }

  /* spellings readers use where a keyboard lacks a letter, by language: "Foerderung" for "Förderung" */
  var SPELLED_OUT = { de: { "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss" } };

  function spelledOut(lang, word) {
    var letters = SPELLED_OUT[lang];
    return letters ? word.replace(/[^a-z]/g, function (letter) { return letters[letter] || letter; }) : word;
  }

  function unique(words) {
    return words.filter(function (word, i) { return word && words.indexOf(word) === i; });
  }

  /* the word, its stem, both without accents (stemmers of languages with accents need them), and the
     word spelled out */
  function forms(stemmer, lang, word) {
    var stem = function (value) { return stemmer(new lunr.Token(value, {})).toString(); };
    var folded = fold(word);
    return unique([word, stem(word), folded, fold(stem(word)), stem(folded), spelledOut(lang, word)]);
  }

  /* Lunr's English trimmer keeps only [A-Za-z0-9_] at a word's ends: "café" would be indexed as "caf" */
  function letterTrimmer(token) {
    return token.update(function (word) { return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""); });
  }

  /* Lunr's stemmer is "stemmer" (English), lunr-languages' are "stemmer-de", "stemmer-fr"... */
  function stemmerLanguage(fn) {
    var label = /^stemmer(?:-(\w+))?$/.exec(fn.label || "");
    return label && (label[1] || "en");
  }

  /* words repeat: each one is stemmed once (building the index is most of the time search takes to open) */
  function widened(stemmer) {
    var lang = stemmerLanguage(stemmer);
    var known = Object.create(null);
    return function (token) {
      var word = token.toString();
      var found = known[word] = known[word] || forms(stemmer, lang, word);
      return found.map(function (form) { return token.clone(function () { return form; }); });
    };
  }

  function widenPipeline(pipeline) {
    pipeline._stack = pipeline._stack.map(function (fn) {
      if (fn === lunr.trimmer) { return letterTrimmer; }
      return stemmerLanguage(fn) ? widened(fn) : fn;
    });
  }

  /* Material sets up the language and the pipelines before it adds the first page */
  var add = lunr.Builder.prototype.add;
  lunr.Builder.prototype.add = function () {
    if (!this.comoWidened) {
      widenPipeline(this.pipeline);
      widenPipeline(this.searchPipeline);
      this.comoWidened = true;
    }
    return add.apply(this, arguments);
  };

  function inIndex(index, pattern) {
    return index.tokenSet.intersect(lunr.TokenSet.fromString(pattern)).toArray().length > 0;
  }

  /* The forms a query clause looks up: only those in the index, as a required ("+word") clause fails in
     Lunr as soon as one of its forms has no match; the clause as it was when none is there. A fuzzy
     clause ("word~1") looks up every form, as Lunr matches each one approximately. */
  function lookups(index, searchPipeline, clause) {
    var term = clause.term;
    var prefix = term.length > 1 && term.indexOf(WILDCARD) === term.length - 1;
    if (!clause.usePipeline && !prefix) { return { typed: term, patterns: [term] }; }
    var typed = prefix ? term.slice(0, -1) : term;
    var patterns = searchPipeline.runString(typed).map(function (form) { return prefix ? form + WILDCARD : form; });
    patterns = unique(patterns);
    if (clause.editDistance) { return { typed: typed, patterns: patterns }; }
    patterns = patterns.filter(function (pattern) { return inIndex(index, pattern); });
    return { typed: typed, patterns: patterns.length ? patterns : [term] };
  }

  function matches(pattern, word) {
    var end = pattern.length - 1;
    return pattern.charAt(end) === WILDCARD ? word.indexOf(pattern.slice(0, end)) === 0 : word === pattern;
  }

  /* matched index words -> the typed words that found them, every position once per field */
  function relabel(metadata, clauses) {
    var relabelled = {};
    var seen = {};
    Object.keys(metadata).forEach(function (word) {
      var typed = clauses.filter(function (clause) {
        return clause.patterns.some(function (pattern) { return matches(pattern, word); });
      }).map(function (clause) { return clause.typed; });
      (typed.length ? unique(typed) : [word]).forEach(function (label) {
        var fields = relabelled[label] = relabelled[label] || {};
        Object.keys(metadata[word]).forEach(function (field) {
          var target = fields[field] = fields[field] || { position: [] };
          var done = seen[field] = seen[field] || {};
          (metadata[word][field].position || []).forEach(function (position) {
            if (!done[position]) { done[position] = true; target.position.push(position); }
          });
        });
      });
    });
    return relabelled;
  }

  /* Lunr passes each query clause through index.pipeline: during a query, that returns its patterns */
  var patternsOf = Object.create(null);
  function lookup(token) { return patternsOf[token.toString()] || token; }
  lunr.Pipeline.registerFunction(lookup, "como-lookup");
  var lookupPipeline = new lunr.Pipeline();
  lookupPipeline.add(lookup);

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var index = this;
    var searchPipeline = index.pipeline;
    var clauses = [];
    var results;
    patternsOf = Object.create(null);
    index.pipeline = lookupPipeline;
    try {
      results = query.call(index, function (built) {
        build.call(built, built);
        built.clauses.forEach(function (clause) {
          var found = lookups(index, searchPipeline, clause);
          clauses.push(found);
          patternsOf[clause.term] = found.patterns;
          clause.usePipeline = true;
        });
      });
    } finally {
      index.pipeline = searchPipeline;
    }
    results.forEach(function (result) { result.matchData.metadata = relabel(result.matchData.metadata, clauses); });
    return results;
  };
})();
