/**
 * The words the sentence reader knows by their role in an OKR: verbs of the
 * team's own work, verbs that count an output, verbs of change, the people
 * and the measures a result is about. Everything else is read by its shape
 * (suffixes, position) or, when that is ambiguous, by the part-of-speech tagger.
 */

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Work the team does: documents, engineering steps, meetings, research, setting things up. */
export const WORK_VERBS = set(`
  accomplish add address adopt align analyse analyze apply architect assess assist attend audit automate block brainstorm
  call check clarify clean coach collaborate collect conduct configure consolidate consult contact coordinate create
  cultivate customize debug decide define delegate deploy deprecate describe design determine develop discuss document draft
  email enable engage enroll enrol establish evaluate evangelize execute expand explore extend facilitate fix follow formalize
  gather go hold host identify implement incorporate instrument integrate interview introduce investigate
  join kick learn listen look map measure meet mentor migrate model monitor move organise organize outline pair participate
  perform pilot plan port post practice practise prepare present prioritize prioritise prototype provide
  publicize recruit redesign refactor refine register reorganize renegotiate replace report research restructure review
  revise rewrite rework run schedule scope set setup share shadow solve source speak spend sponsor standardize start
  streamline study submit support survey sync talk teach test track train translate triage try tune update upgrade use visit
  watch work write investigate unify modernize onboard help take read do think ask master
`);

/** Output the team produces: the count or the delivery of its own work. */
export const OUTPUT_VERBS = set('publish ship finish complete deliver build launch release close produce');

/** Change in a result, or something others give: the sentence names an outcome. */
export const CHANGE_VERBS = set(`
  raise cut grow reach get earn increase reduce decrease lower improve achieve win hit exceed double triple quadruple halve
  gain receive secure pass lift boost shrink eliminate attain become convert retain sell save drop bring lose generate attract
  acquire drive minimize minimise maximize maximise prevent avoid accelerate speed slash sustain be make
  outperform beat surpass land score recover regain scale rise fall climb obtain sign
`);

/** Verbs that hold a level when a level follows ("Keep p95 under 300 ms"); otherwise a habit ("Keep a journal"). */
export const HOLD_VERBS = set('keep maintain preserve stay remain hold');

/** Irregular participles, mapped to their verb. */
export const PARTICIPLES: Record<string, string> = {
  built: 'build',
  written: 'write',
  done: 'do',
  held: 'hold',
  run: 'run',
  set: 'set',
  made: 'make',
  grown: 'grow',
  given: 'give',
  taken: 'take',
  shown: 'show',
  begun: 'begin',
  read: 'read',
  cut: 'cut',
  won: 'win',
  kept: 'keep',
  brought: 'bring',
  got: 'get',
  gotten: 'get',
  complete: 'complete',
  ready: 'ready',
  live: 'live',
  underway: 'underway',
  'in place': 'in place',
  drawn: 'draw',
  chosen: 'choose',
  spoken: 'speak',
  sold: 'sell',
  seen: 'see',
  known: 'know',
};

/** Participles of what others do with the team's work: a result ("used by", "adopted", "accepted"). */
export const OTHERS_VERBS = set(`
  use adopt accept greet download cite mention install star fork recommend rate choose prefer buy renew read visit join
  subscribe contribute see know recognise recognize trust love praise select reuse request
`);

/** People and organisations other than the team: their numbers and behaviour are results. */
export const OTHERS = set(`
  user users customer customers member members people contributor contributors developer developers builder builders
  subscriber subscribers visitor visitors reader readers client clients buyer buyers student students partner partners
  project projects company companies organisations organizations org orgs team teams participant participants account
  accounts lead leads fan fans follower followers applicant applicants profile profiles creator creators curator curators
  maintainer maintainers sponsor sponsors patron patrons learner learners employee employees
`);

/** Nouns that name a measure: a sentence about them states a level. */
export const MEASURES = set(`
  rate rates ratio score scores average median mean p50 p90 p95 p99 percentile availability uptime latency duration time
  times stability reliability share revenue arr mrr iacv churn nps csat conversion conversions cost costs throughput
  coverage satisfaction visits traffic downloads signups sign-ups growth margin engagement retention usage adoption
  velocity backlog budget accuracy speed size count number amount level levels frequency pipeline sessions views
`);

/** What a person does as an activity (the object of "complete", "finish" or a habit). */
export const ACTIVITIES = /\b(course|class|workshop|webinar|tutorial|training|meeting|session|book|lesson|practice|exercise|run|pomodoro|studying|reading)s?\b/;

/** Words that open a clause without being its verb: subjects, modals, politeness. */
export const LEADING_FILLER = set('i we to will should must shall can also then finally please our my the team');

/** Words that follow a verb (never a noun's modifier): when an unknown word precedes one, it is a verb. */
export const OBJECT_STARTERS = set('a an the our my their its all each every this these those some more new up out any');

export const PREPOSITIONS = set('for on in of to with by from at into about across within under over per via as through between than');

export const DETERMINERS = set('a an the our my their its this that these those some any each every all no');

/** Change verbs that need a result for an object: "Generate 500 leads" is an outcome, "Generate 3 guides" is work. */
export const WEAK_CHANGE_VERBS = set('convert generate drive bring make gain save sign land');

/** Measures that stay a level even when counted per period ("Average subscription size … per month"). */
export const RATES = /\b(average|median|mean|rate|score|ratio|p\d\d|percentile)\b|%/;

/** What follows "make" when it makes a result: "Make queries not crash", "Make onboarding so easy that …". */
export const RESULT_AFTER_MAKE = /\b(not|never|so|too|easy|easier|faster|simpler|better|safer|reliable|stable|secure)\b/;
