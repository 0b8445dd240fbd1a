/**
 * The one table of section vocabulary, and how a heading is read against it.
 *
 * A heading is matched by its words, not by its exact wording: it is
 * normalised (numbering, parentheticals, emoji and punctuation dropped), the
 * words that carry no meaning in a heading ("what", "we", "the", "incident")
 * are set aside, and the rest are compared with each phrase of the table word
 * by word: the same word, the same stem ("Causes", "caused", "cause"), or a
 * misspelling of it ("Timline", "Corective"). So "How did we fix it?",
 * "Root Causes", "Timeline of events" and "Remediations" all find their key
 * without being listed. The config's `sections.aliases` extends the table.
 */
import type { SectionKey } from '../types.js';
import { editDistance } from '../edit-distance.js';
import { stem as inflectionStem } from './ids.js';

export type AliasTable = Record<SectionKey, string[]>;

/**
 * Phrases per key. The first three of each key are the names shown in
 * messages. Wordings of the PagerDuty, Atlassian, Google SRE, GitLab and
 * incident.io templates are here, in their plain form; stems and misspellings
 * need no entry of their own.
 */
export const DEFAULT_ALIASES: AliasTable = {
  summary: [
    'summary',
    'issue summary',
    'incident summary',
    'executive summary',
    'overview',
    'description',
    'synopsis',
    'abstract',
    'introduction',
    'what was the problem',
    'problem statement',
    'problem description',
    // In other languages.
    'resumen',
    'resumo',
    'résumé',
    'zusammenfassung',
    'сводка',
    'описание',
    'краткое описание',
    'sammendrag',
    'oppsummering',
    'sammanfattning',
    'samenvatting',
    'podsumowanie',
    'podsumowanie wykonawcze',
    'streszczenie',
    'shrnutí',
    'özet',
    'resumé',
    'sammenfatning',
    'riepilogo',
    'sommario',
    'sintesi',
    'síntesis',
    'síntese',
    'descripción',
    'descripción general',
    'descrição',
    'visión general',
    'visão geral',
    'aperçu',
    'vue d’ensemble',
    "vue d'ensemble",
    'panoramica',
    'übersicht',
    // Indonesian and Malay.
    'ringkasan',
    'rangkuman',
    'ikhtisar',
    // Vietnamese.
    'tóm tắt',
    'tổng quan',
    'tổng quan sự cố',
    'tóm tắt sự cố',
    'mô tả sự cố',
  ],
  impact: ['impact', 'customer impact', 'user impact', 'business impact', 'impact assessment', 'scope and impact', 'who was affected', 'what was impacted', 'what was affected', 'scope', 'impacto', 'auswirkungen', 'влияние', 'последствия', 'konsekvens', 'konsekvenser', 'dampak', 'ảnh hưởng', 'tác động', 'wpływ', 'skutki', 'dopad', 'etki', 'gevolgen', 'påvirkning', 'påverkan'],
  timeline: [
    'timeline',
    'events timeline',
    'timeline of events',
    'chronology',
    'sequence of events',
    'timeline reconstruction',
    'detailed timeline',
    'events',
    'key events',
    'play by play',
    // In other languages.
    'cronología',
    'línea de tiempo',
    'linha do tempo',
    'cronologia',
    'chronologie',
    'zeitleiste',
    'zeitverlauf',
    'déroulement',
    'déroulement chronologique',
    'déroulé',
    'déroulé des faits',
    'таймлайн',
    'хронология',
    'хронология событий',
    'временная шкала',
    'tidslinje',
    'tidslinjen',
    'tijdlijn',
    'oś czasu',
    'chronologia zdarzeń',
    'chronologia incydentu',
    'przebieg zdarzeń',
    'časová osa',
    'průběh',
    'zaman çizelgesi',
    'olay akışı',
    'tidslinie',
    'kronologi',
    'linimasa',
    'garis waktu',
    'dòng thời gian',
    'mốc thời gian',
    'diễn biến',
    'diễn biến sự cố',
  ],
  'root-cause': [
    'root cause',
    'root causes',
    'root cause analysis',
    'rca',
    'cause',
    'contributing factors',
    'causes and contributing factors',
    'root cause identification',
    'what broke',
    'what was wrong',
    'why did it happen',
    'why',
    'what caused it',
    'underlying cause',
    'reason',
    'apparent reason',
    'origin',
    'technical cause',
    'trigger',
    // Security postmortems explain the cause under these.
    'vulnerability',
    'the vulnerability',
    // In other languages.
    'causa raíz',
    'causa raiz',
    'cause racine',
    'cause première',
    'ursache',
    'grundursache',
    'warum ist es passiert',
    'причина',
    'причины',
    'корневая причина',
    'первопричина',
    'первопричины',
    'rotårsak',
    'rotårsaker',
    'grunnårsak',
    'grundorsak',
    'oorzaak',
    'grondoorzaak',
    'hoofdoorzaak',
    'årsak',
    'årsag',
    'orsak',
    'przyczyna',
    'przyczyny',
    'przyczyna źródłowa',
    'główna przyczyna',
    'analiza przyczyn',
    'příčina',
    'hlavní příčina',
    'kořenová příčina',
    'kök neden',
    'temel neden',
    'causa principale',
    'akar masalah',
    'akar penyebab',
    'penyebab',
    'nguyên nhân',
    'nguyên nhân gốc',
    'nguyên nhân gốc rễ',
  ],
  resolution: [
    'resolution',
    'resolution and recovery',
    'recovery',
    'mitigation',
    'fix',
    'how did we fix it',
    'how did we resolve it',
    'resolution steps',
    'actions taken',
    'actions executed',
    'actions completed',
    'completed actions',
    'actions carried out',
    'steps taken',
    // What was done to find the cause, during the incident: not measures for later.
    'investigation actions',
    'investigation steps',
    'troubleshooting steps',
    'diagnostic steps',
    'resolution measures',
    'resolution actions',
    'measures taken',
    'actions performed',
    'tasks performed',
    'steps performed',
    'work performed',
    'restoration',
    'stabilization',
    'workaround',
    'solution',
    'remedy',
    'solving',
    'incident handling',
    // In other languages.
    'solución',
    'resolução',
    'solução',
    'résolution',
    'lösung',
    'behebung',
    'решение',
    'устранение',
    'исправление',
    'восстановление',
    'løsning',
    'lösning',
    'oplossing',
    'rozwiązanie',
    'naprawa',
    'przywrócenie',
    'řešení',
    'náprava',
    'çözüm',
    'risoluzione',
    'ripristino',
    'restauración',
    'restauração',
    'rétablissement',
    'wiederherstellung',
    'recuperación',
    'recuperação',
    'soluzione',
    'correção',
    'corrección',
    'penyelesaian',
    'resolusi',
    'pemulihan',
    'acciones realizadas',
    'acciones tomadas',
    'medidas tomadas',
    'ações realizadas',
    'ações tomadas',
    'mesures prises',
    'actions réalisées',
    'actions effectuées',
    'actions menées',
    'mesures appliquées',
    'acciones ejecutadas',
    'ações executadas',
    'ergriffene maßnahmen',
    'durchgeführte maßnahmen',
    'khắc phục',
    'cách khắc phục',
    'giải pháp',
    'xử lý sự cố',
  ],
  'action-items': [
    'action items',
    'corrective and preventative measures',
    'actions',
    'follow-ups',
    'corrective measures',
    'preventative measures',
    'corrective actions',
    'preventative actions',
    'corrective measures and prevention',
    'follow-up actions',
    // The actions a post-incident review agreed on.
    'review actions',
    'follow-up tasks',
    'follow-up items',
    // What is still to do when the document is written: "Open items", "Outstanding work".
    'open items',
    'outstanding items',
    'remaining items',
    'outstanding work',
    'remaining work',
    'corrective actions and follow-up tasks',
    'next steps',
    'remediation',
    'remediation items',
    'prevention',
    // Not "safeguards" alone: "Missing safeguards" are a cause.
    'future safeguards',
    'new safeguards',
    'additional safeguards',
    'preventing recurrence',
    'how will we prevent it',
    // "How we will avoid this situation in the future", "What could be done to avoid this in future?"
    'avoid',
    'avoiding recurrence',
    'what we are doing about it',
    'what we will do differently',
    'what we are doing differently',
    "what's next",
    'going forward',
    'looking forward',
    'looking ahead',
    'future measures',
    'future work',
    'improvements',
    'enhancements',
    'future enhancements',
    'improvement plan',
    'action plan',
    'recommendations',
    'todo',
    'tasks',
    // The course template's own label, often on a plain line of its own.
    'tasks to address the issue',
    'measures',
    // In other languages.
    'acciones',
    'acciones correctivas',
    'próximos pasos',
    'ações',
    'itens de ação',
    'próximos passos',
    'actions correctives',
    'mesures correctives',
    'mesures préventives',
    'prochaines étapes',
    'réduire les risques',
    'diminuer les risques',
    'medidas correctivas',
    'medidas corretivas',
    'medidas preventivas',
    'plan de prevención',
    'plan de acción',
    'plano de ação',
    'plano de prevenção',
    'prevenção',
    'plan de prévention',
    'misure preventive',
    'piano d azione',
    'präventionsmaßnahmen',
    'vorbeugende maßnahmen',
    'vorbeugung',
    'prossimi passi',
    'vervolgstappen',
    'maßnahmen',
    'massnahmen',
    'korrekturmaßnahmen',
    'korrekturmassnahmen',
    'nächste schritte',
    'was ändern wir',
    'was wir ändern',
    'действия',
    'задачи',
    'план действий',
    'aksjonspunkter',
    'tiltak',
    'forebyggelse',
    'forebygging',
    'forebyggende tiltag',
    'forebyggende tiltak',
    'förebyggande åtgärder',
    'åtgärder',
    'handlingspunkter',
    'actiepunten',
    'maatregelen',
    'vervolgacties',
    'plan działania',
    'działania naprawcze',
    'działania zapobiegawcze',
    'zalecenia',
    'rekomendacje',
    'następne kroki',
    'kolejne kroki',
    'nápravná opatření',
    'preventivní opatření',
    'opatření',
    'doporučení',
    'další kroky',
    'aksiyon maddeleri',
    'alınacak aksiyonlar',
    'düzeltici faaliyetler',
    'önleyici faaliyetler',
    'öneriler',
    'sonraki adımlar',
    'åtgärdspunkter',
    'handlingsplan',
    'azioni correttive',
    'misure',
    'medidas',
    'tindakan perbaikan',
    'tindakan korektif',
    'tindakan preventif',
    'tindakan pencegahan',
    'langkah pencegahan',
    'tindak lanjut',
    'rencana tindak lanjut',
    'mejoras',
    'melhorias',
    'améliorations',
    'miglioramenti',
    'verbesserungen',
    'azioni',
    'recomendaciones',
    'recomendações',
    'recommandations',
    'empfehlungen',
    'рекомендации',
    'предотвращение',
    'меры',
    'меры по предотвращению',
    'следующие шаги',
    'дальнейшие шаги',
    'hạng mục hành động',
    'hành động khắc phục',
    'biện pháp phòng ngừa',
    'việc cần làm',
    'khuyến nghị',
  ],
  detection: ['detection', 'how was it detected', 'how we found out', 'monitoring and detection', 'detection and response', 'detección', 'detecção', 'détection', 'erkennung', 'обнаружение', 'påvisning', 'oppdagelse', 'phát hiện'],
  'lessons-learned': [
    'lessons learned',
    'lessons',
    'learnings',
    'key learnings',
    'takeaways',
    'key takeaways',
    'what went well',
    'what went wrong',
    'what did not go well',
    'what went poorly',
    'what went right',
    'things that went well',
    'things that went right',
    'things that went wrong',
    'things that went badly',
    'what we did well',
    'things we did well',
    'what could have gone better',
    'what could have been better',
    'things that could have gone better',
    'what needs improvement',
    'what could we have done better',
    'where we got lucky',
    'what can be improved',
    'identified problems',
    'problems identified',
    'identified issues',
    'issues identified',
    'lessons and thoughts',
    'reflections',
    'insights',
    // In other languages.
    'lecciones aprendidas',
    'lições aprendidas',
    'lezioni apprese',
    'lezioni',
    'leçons',
    'lecciones',
    'lições',
    'lektionen',
    'leçons apprises',
    'leçons tirées',
    'erkenntnisse',
    'was haben wir gelernt',
    'уроки',
    'жизненные уроки',
    'выводы',
    'hva lærte vi',
    'lærdommer',
    'lärdomar',
    'lessen',
    'pelajaran',
    'pelajaran yang diambil',
    'pembelajaran',
    'bài học',
    'bài học rút ra',
    'bài học kinh nghiệm',
    'извлеченные уроки',
    'wnioski',
    'czego się nauczyliśmy',
    'ponaučení',
    'poučení',
    'çıkarılan dersler',
    'geleerde lessen',
    'lessen',
    'lærdom',
    'lærdommer',
    'lærepenge',
    'erfaringer',
    'lärdomar',
    // What went well and what could be better, as retrospectives ask it.
    'ce qui a bien fonctionné',
    'ce qui a bien marché',
    'ce qui peut être amélioré',
    'ce qui pourrait être amélioré',
    'ce qui n a pas fonctionné',
    'lo que funcionó',
    'lo que salió bien',
    'lo que salió mal',
    'lo que se puede mejorar',
    'qué se puede mejorar',
    'o que funcionou',
    'o que deu certo',
    'o que deu errado',
    'o que pode ser melhorado',
    'was gut lief',
    'was gut funktioniert hat',
    'was schief lief',
    'was verbessert werden kann',
    'cosa ha funzionato',
    'cosa è andato storto',
    'cosa può essere migliorato',
  ],
};

/**
 * Headings that name a section only when the document has no other heading
 * for it: "What happened?" is the summary of a document without one, and the
 * narrative beside a "Summary" otherwise; "Response" is how the incident was
 * resolved unless a "Resolution" or "Recovery" says so.
 */
const FALLBACK: ReadonlyArray<[string, SectionKey]> = [
  ['what happened', 'summary'],
  ['was ist passiert', 'summary'],
  ['что произошло', 'summary'],
  ['co się stało', 'summary'],
  ['co se stalo', 'summary'],
  ['wat is er gebeurd', 'summary'],
  ['hva skjedde', 'summary'],
  ['vad hände', 'summary'],
  ['hvad skete der', 'summary'],
  ['ne oldu', 'summary'],
  ['o que aconteceu', 'summary'],
  ['qué pasó', 'summary'],
  ['qué sucedió', 'summary'],
  ['cosa è successo', 'summary'],
  ['发生了什么', 'summary'],
  ['何が起きたか', 'summary'],
  ['何が起きた', 'summary'],
  // A "TL;DR" closing a document that has its summary is a recap, not a second summary.
  ['tl dr', 'summary'],
  ['tldr', 'summary'],
  ['the short version', 'summary'],
  ['short version', 'summary'],
  ['in short', 'summary'],
  ['in brief', 'summary'],
  ['so what happened', 'summary'],
  // "# The Incident" over what happened (not "# Incident", a title; nor an exported form's "Incident" field beside a summary).
  ['the incident', 'summary'],
  ['response', 'resolution'],
  ['our response', 'resolution'],
  // What the responders did, in order: not measures for later.
  ['response actions', 'resolution'],
  ['response measures', 'resolution'],
  ['what was done', 'resolution'],
  ['what we did', 'resolution'],
  ['how we responded', 'resolution'],
  ['immediate response actions', 'resolution'],
  ['incident response', 'resolution'],
  // "## Analysis" is the cause's unless a "Root Cause" says so; "Impact analysis" is not.
  ['analysis', 'root-cause'],
  // A template's "## Fault" beside "## Leadup" and "## Impact": what failed.
  ['fault', 'root-cause'],
  ['summation', 'summary'],
];

export function matchFallback(text: string): SectionKey | undefined {
  const normalized = normalizeHeading(text);
  return FALLBACK.find(([phrase]) => phrase === normalized)?.[1] ?? (asksWhy(text, normalized) ? 'root-cause' : undefined);
}

/** "Why" in the languages the table reads (Spanish and Portuguese "por qué" normalise to "por qu"). */
const WHY = /^(?:why|por qu[eé]?|porque|pourquoi|warum|почему|mengapa|kenapa|tại sao|vì sao)(?![\p{L}\p{N}])/u;

/**
 * "Why was the site down?", "Why three hours, not two?", "Análisis: ¿Por qué pasó esto?": a question why asks for
 * the cause ("Why didn't testnet fail?" does not). After a label and a colon, the question is the heading's.
 */
function asksWhy(text: string, normalized: string): boolean {
  if (!/\?[\W_]{0,6}$/.test(text)) return false;
  const colon = text.indexOf(':');
  const afterLabel = colon > 0 && colon < 30 ? normalizeHeading(text.slice(colon + 1)) : '';
  const question = WHY.test(afterLabel) ? afterLabel : normalized;
  return WHY.test(question) && !/^why (?:didn|wasn|weren|isn|aren|doesn|don|hasn|haven|couldn|wouldn|not)\b/.test(question);
}

/**
 * Headings that close the sections before them without naming a section of a
 * postmortem ("Conclusion", "Appendix", "Call to action"): they never name
 * one, and written as a plain or bold line, they still end the action items
 * above them.
 */
/**
 * "What is being done about this?": the measures, as written in full. As an
 * alias it would not do: its words without the helper verbs are "done", and
 * "What was done" would name the measures too.
 */
/**
 * Headings of words that say nothing on their own ("issue", "incident") but
 * name the summary when they stand alone: a status page's "ISSUE:" over what
 * went wrong. Not "Details" alone, which heads anything.
 */
const PROBLEM_NAMED = new Set(['issue', 'the issue', 'what was the issue', 'what is the issue', '问题', '問題', 'проблема', 'problème', '문제']);

/** "How this happened": how, not what (the summary's "What happened"); its words alone say nothing. */
const HOW_IT_HAPPENED = new Set([
  'how this happened',
  'how it happened',
  'how did this happen',
  'how did it happen',
  'how this could happen',
  'how could this happen',
  'what allowed this to happen',
  'what allowed it to happen',
]);

/**
 * Words that name a section only as the whole heading: "## Exploit" explains
 * the cause, "Exploit transactions" lists them; "#### Handling" is how the
 * incident was handled, "Guest user handling" a feature.
 */
const WHOLE_HEADINGS: ReadonlyMap<string, SectionKey> = new Map([
  // "**Identified**: via automated alerts": how it was found out, only as the whole heading ("Issues identified" are findings).
  ['identified', 'detection'],
  // A retrospective's "What could improve" beside "What went well": lessons, only as the whole heading ("To improve"
  // over fixes to make is the measures).
  ['what could improve', 'lessons-learned'],
  ['what can improve', 'lessons-learned'],
  ['what could be improved', 'lessons-learned'],
  ['how it was identified', 'detection'],
  ['how was it identified', 'detection'],
  ['exploit', 'root-cause'],
  ['the exploit', 'root-cause'],
  ['details of exploit', 'root-cause'],
  ['details of the exploit', 'root-cause'],
  ['handling', 'resolution'],
  // "## The rollback" over how the service was brought back; "Define rollback SLA" is a measure.
  ['rollback', 'resolution'],
  ['the rollback', 'resolution'],
  // "### Resolving actions": what resolved it (not "Resulting action", the measures a fuzzy match would find).
  ['resolving actions', 'resolution'],
]);

/** "But how did this happen?": the conjunction a narrative heading opens with. */
const LEADING_CONJUNCTION = /^(?:but|so|and)[ ]/;

/**
 * "To Do", written apart, is "TODO": words that say nothing alone. So is a
 * status of work not yet done, alone ("#### Outstanding" beside "#### Done
 * (2026-06-12)" under "### Fix"): what is still to do.
 */
const TO_DO = new Set([
  'to do',
  'to dos',
  'things to do',
  'outstanding',
  'still outstanding',
  'remaining',
  'still to do',
  'not done yet',
  'not yet done',
  'pending',
  // In other languages ("## Pendências" under the guards a Brazilian team added).
  'pendências',
  'pendencias',
  'pendentes',
  'tarefas pendentes',
  'pendientes',
  'tareas pendientes',
  'reste à faire',
  'à faire',
  'offene punkte',
  'ausstehend',
  'da fare',
]);

/** "Problems", in the plural and alone, lists what went wrong; "Problem" states the incident's (the summary). */
const PROBLEMS_LISTED = 'problems';

const MEASURES_ASKED = new Set([
  'what is being done about this',
  'what is being done about it',
  'what is being done to prevent this',
  'what is being done to prevent it',
  'what are we doing about this',
  'what we are doing to prevent this',
  'what we are doing to prevent it',
]);

/**
 * A heading that opens by announcing what the team changes or does next: "What
 * we are changing beyond the patch", "What we'll do differently", "What
 * we're doing to fix this", "Changes we're making", "Things I have to do".
 * Its words alone ("changing", "doing") name no section.
 */
const MEASURES_ANNOUNCED =
  /^(?:(?:what|how)[ ]we[ ](?:are[ ]|re[ ]|will[ ]|ll[ ]|plan[ ]to[ ]|(?:are|re)[ ]going[ ]to[ ])(?:chang\w*|improv\w*|do(?:ing)?[ ](?:next|differently)|doing[ ]to[ ](?:fix|prevent|address|avoid|stop))|changes[ ]we[ ](?:are|re|will|ll)[ ](?:mak|introduc)\w*)(?:[ ]|$)|^what[ ](?:do[ ]we|we|are[ ]we|will[ ]we)[ ](?:plan(?:ning)?[ ]to|intend(?:ing)?[ ]to|going[ ]to|will)?[ ]?do(?:[ ](?:next|now|in[ ]the[ ](?:near|coming|short[ ]term|long[ ]term|future)(?:[ ]future)?))?$|^in[ ]the[ ](?:short|medium|mid|long|near)[ ]term[ ]we[ ](?:expect|plan|intend|will|aim)(?:[ ]to)?$|^(?:things|what)[ ](?:i|we)[ ](?:still[ ])?(?:have|need|ought|want|plan|intend)[ ]to[ ](?:do|fix|change|improve)(?:[ ](?:next|now|still))?$/;

/** "Anti-patterns to avoid", "Mistakes to avoid": advice on what not to do, not measures to take. */
const TO_AVOID = /^(?:[\p{L}-]+[ ]){1,3}to[ ]avoid$/u;
/** "Technical debt avoided": something that did not come to be, not a measure. */
const AVOIDED = /^(?:[\p{L}-]+[ ]){1,3}avoided$/u;

/** "How do we stop it from repeating?", "How will we avoid this happening again?": the measures, asked for. */
const RECURRENCE_STOPPED = /^how[ ](?:do|will|can|could|should|are)[ ]we[ ](?:going[ ]to[ ])?(?:stop|avoid|keep)[ ](?:it|this|that|them|these)[ ](?:from[ ])?(?:repeating|recurring|happening|occurring|again)\b/;

/**
 * "Strengthening our security posture", "Hardening the CI": a heading that
 * opens with the work of making something sturdier, over what the team will
 * do (a verb of change alone, "Improving", names no section).
 */
const STRENGTHENING = /^(?:strengthening|hardening|bolstering|reinforcing|tightening|improving|enhancing)[ ](?:our|the)[ ]\p{L}/u;

/** A conclusion and, after a dash or colon, what it is: "Conclusions - What We Plan to Change", "Conclusion: Next steps". */
const CONCLUSION_NAMED = /^[\W\d_]{0,6}(?:conclusions?|closing[ \t]thoughts|final[ \t]thoughts)[ \t]*(?:[-–—:][ \t]*)(\p{L}.{2,100})$/iu;

/** "Actions to be taken", "Measures that will be implemented": what is still to do ("Actions taken" is the resolution). */
const TO_BE_TAKEN = /^(?:\w+ ){0,3}(?:actions?|measures?|steps?|tasks?)[ ](?:\w+ )?(?:to[ ]be|that[ ]will[ ]be|we[ ]will|we[ ]ll)[ ](?:taken|done|implemented|made|take)\b/;

/**
 * "What we would do differently", "What could have been done differently",
 * "What should ordinarily have been done to prevent this": hindsight, what
 * the incident taught, not what will be done ("What we will do differently"
 * is the measures).
 */
const IN_HINDSIGHT =
  /^(?:(?:what|things)[ ](?:we[ ])?)?(?:would|could|should|d)[ ](?:have[ ](?:been[ ])?)?(?:do|done|handle|handled)[ ](?:\w+[ ]){0,2}differently$|^what[ ](?:could|should|might)[ ](?:\w+[ ])?have[ ]been[ ]done\b/;

/** Nouns for what stood in the way: a heading that ends in one lists problems met. */
const HINDRANCES = new Set(['challenges', 'difficulties', 'obstacles', 'hurdles', 'pitfalls']);

/** "Problems during recovery", "Issues we hit", "Gaps in monitoring": what went wrong along the way, listed as findings. */
const PROBLEMS_MET = new RegExp(
  `^(?:${['problems', 'issues', 'mistakes', 'gaps', 'shortcomings', 'weaknesses', ...HINDRANCES].join('|')})[ ](?:during|encountered|found|met|faced|seen|discovered|identified|with|in|we[ ](?:faced|hit|found|encountered|met|saw))\\b`,
);

/** "Short-term (To Do)", "This Month", "Next sprint", "The following 2 weeks": a heading that is only a horizon of work still to do, a group of measures. */
export function isHorizonHeading(text: string): boolean {
  return HORIZON.test(normalizeHeading(text));
}
const HORIZON =
  /^(?:(?:short|medium|mid|long|near)[ ]term|this[ ](?:week|month|quarter|sprint)|next[ ](?:week|month|quarter|sprint|release)|within[ ](?:\d{1,3}|a|one|two|three)[ ](?:days?|weeks?|months?)|(?:the[ ])?(?:following|next)[ ](?:\d{1,3}|few|two|three|four|several)[ ](?:days|weeks|months))$/;

/**
 * "Steps taken after the incident", "Changes made since the outage": the
 * follow-up work done once it was over, measures taken, not how it was resolved.
 */
const TAKEN_SINCE = /^(?:steps|actions|changes|measures|improvements)[ ](?:taken|made|implemented|done|completed)[ ](?:after|since|following)[ ](?:the[ ])?(?:incident|outage|event|issue|failure|recovery)$/;

/**
 * "What changed after the incident", "What we have changed since the outage", "Changes since the outage": what was changed once
 * it was over. Not "What changed" or "What we changed" alone, which may tell the change that set the incident off.
 */
const CHANGED_SINCE =
  /^(?:what[ ](?:changed|has[ ]changed|have[ ]we[ ]changed)[ ](?:after|since|following)[ ](?:the[ ])?(?:incident|outage|event|failure)|what[ ]we[ ](?:ve[ ]|have[ ])?changed[ ](?:after|since|following)[ ](?:the[ ])?(?:incident|outage|event|failure)|changes[ ](?:after|since|following)[ ](?:the[ ])?(?:incident|outage|event|failure))$/;

/** "Changes that need to be made", "Changes needed", "Required changes": what is still to change, the measures. */
const CHANGES_TO_MAKE =
  /^(?:(?:changes|improvements)[ ](?:that[ ](?:need|needs|have|has)[ ]to[ ]be[ ]made|(?:we[ ])?(?:need|have)[ ]to[ ]make|to[ ](?:be[ ])?made?|needed|required)|(?:needed|required|necessary|planned|proposed)[ ]changes)$/;

/**
 * "Remediation performed", "Fixes applied", "Remediation steps taken": the
 * remediation that was carried out, as "Actions taken" is (the resolution),
 * though "remediation" alone names the measures.
 */
const REMEDIATION_DONE =
  /^(?:\w+[ ])?(?:remediations?|mitigations?|fix(?:es)?|corrections?|countermeasures?)(?:[ ](?:steps|actions|measures|work))?[ ](?:performed|taken|applied|completed|done|executed|carried[ ]out|deployed)$/;

/**
 * "Ações de Resolução", "Acciones de mitigación", "Étapes de rétablissement":
 * the steps that resolved it, as "Resolution actions" are, though the Romance
 * head word ("ações", actions) would name the measures.
 */
const ROMANCE_RESOLUTION_STEPS =
  /^(?:acciones|acoes|ações|actions|azioni|medidas|mesures|misure|pasos|passos|étapes|etapes|passi)[ ](?:de|da|di|des|du)[ ](?:resoluci[oó]n|resolu[cç][aã]o|r[ée]solution|risoluzione|mitigaci[oó]n|mitiga[cç][aã]o|mitigation|mitigazione|recuperaci[oó]n|recupera[cç][aã]o|r[ée]tablissement|ripristino|contenci[oó]n|conten[cç][aã]o|confinement|contenimento|respuesta|resposta|r[ée]ponse|risposta)(?:[ ](?:implementad[ao]s|aplicad[ao]s|tomad[ao]s|adoptad[ao]s|ejecutad[ao]s|realizad[ao]s|implement[ée]es|appliqu[ée]es|prises|implementate|applicate|adottate))?$/;

/**
 * A heading "Improving recovery procedures", "Improvements to recovery": what
 * is being made better, the measures, whichever section the rest names
 * ("recovery" would be the resolution). Not "Improve monitoring so that…",
 * an instruction: a measure itself.
 */
const IMPROVING = /^improv(?:ing|ements?)[ ]/;

/**
 * Headings in Chinese, Japanese or Korean, whose section words are compounds
 * that stand anywhere in the heading ("## 根因", "## 改进措施", "### 再発防止策",
 * "## 재발 방지 액션"). Measures taken for now ("临时措施", "応急対応") are the
 * resolution.
 */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_WORDS: ReadonlyArray<[SectionKey, RegExp]> = [
  ['timeline', /时间线|时间轴|時間線|時間軸|时间顺序|事件经过|事件經過|故障经过|处理经过|處理經過|处理过程|處理過程|发生过程|發生過程|経緯|時系列|タイムライン|타임라인|경과|시간순/u],
  ['root-cause', /根因|根本原因|原因|根源|원인/u],
  ['resolution', /修复|修復|解决|解決|恢复|恢復|復旧|处置|處置|处理措施|處理措施|临时|臨時|应急|應急|応急|暫定|대응|해결|복구/u],
  ['action-items', /预防|預防|再発防止|改进|改進|改善|后续|後續|待办|待辦|行动项|行動項|跟进|跟進|措施|対策|アクション|재발|방지|후속|개선|액션/u],
  ['impact', /影响|影響|영향|임팩트/u],
  ['lessons-learned', /经验教训|經驗教訓|教训|教訓|反思|振り返り|교훈|회고|배운/u],
  ['summary', /概述|概要|摘要|事件描述|问题描述|問題描述|故障描述|故障概况|障害の?内容|サマリー|サマリ|요약|개요|장애[ ]?내용/u],
];

/**
 * "处理措施 / Actions Taken": a heading given in two languages, one of them
 * written in Latin letters. The Latin half's words are the table's own and
 * say more precisely what the section is ("措施", measures, covers what was
 * done as well as what will be): it names the section when it names one.
 */
function bilingualKeys(text: string, c: Compiled, strict: boolean, plain: boolean): SectionKey[] | undefined {
  const halves = text.replace(PARENTHETICAL, ' ').split(/[/｜|]/);
  if (halves.length !== 2) return undefined;
  const latin = halves.filter((half) => !CJK.test(half) && /\p{Script=Latin}{2}/u.test(half));
  if (latin.length !== 1) return undefined;
  const keys = matchNormalized(latin[0], c, { strict, plain });
  return keys.length > 0 ? keys : undefined;
}

/**
 * "需要改进的地方" (where we need to improve), "不足之处" (shortcomings): the
 * other half of "做得好的地方" (what went well), what went wrong, unless it
 * names measures or a plan as well ("需要改进的措施").
 */
const TO_IMPROVE_ON = /需要改[进進]|有?待改[进進]|可以改[进進]|不足之[处處]|做得不好|反省点/u;
const MEASURES_OR_PLAN = /措施|计划|計劃|行动|行動|建议|建議|対策|アクション/u;

function cjkKeys(normalized: string, strict: boolean): SectionKey[] {
  if (TO_IMPROVE_ON.test(normalized) && !MEASURES_OR_PLAN.test(normalized)) return ['lessons-learned'];
  // Strictly (a plain line that may be a sentence), the word must be the whole heading.
  const keys = CJK_WORDS.filter(([, re]) => (strict ? re.exec(normalized)?.[0] === normalized : re.test(normalized))).map(([key]) => key);
  // "临时措施", "応急対策": measures taken for now; "处理措施", "处置措施": the measures that handled it.
  if (keys.includes('resolution') && keys.includes('action-items') && /临时|臨時|应急|應急|応急|暫定|处理|處理|处置|處置/u.test(normalized)) return ['resolution'];
  // A heading that names a cause or a fix as well as the problem is about the cause or the fix.
  return keys.length > 1 ? keys.filter((k) => k !== 'summary' && k !== 'impact') : keys;
}

const CLOSING = new Set([
  // Sections addressed to the readers (a public report's users), whose advice is theirs to follow, not the team's measures.
  'call to action',
  'calls to action',
  'what you can do',
  'what you should do',
  'what you need to do',
  'what should i do',
  'what do i need to do',
  'what users should do',
  'what users can do',
  'what customers should do',
  'action required',
  'user action required',
  'customer action required',
  'recommendations for users',
  'recommendations for customers',
  'conclusion',
  'conclusions',
  'closing thoughts',
  'closing remarks',
  'final thoughts',
  'final words',
  'appendix',
  'references',
  'acknowledgements',
  'acknowledgments',
  'glossary',
  'supporting information',
  'related links',
  'resources',
  'attachments',
  'faq',
  'thanks',
  // In other languages.
  'referencias',
  'referências',
  'références',
  'riferimenti',
  'referenzen',
  'quellen',
  'ссылки',
  'conclusión',
  'conclusiones',
  'conclusão',
  'conclusione',
  'fazit',
  'заключение',
  '参考',
  '参考资料',
  '参考文献',
  '参考链接',
  '相关链接',
  '参考リンク',
  '関連リンク',
  '참고',
  '참고 자료',
  '참고자료',
]);

/** "Appendix A: Commands that could have prevented this": what an appendix holds is not the section its words name. */
const APPENDIX = /^(?:appendix|appendices|annex|annexe|anexo|apéndice|apendice|anhang|приложение|lampiran|phụ lục)(?![\p{L}\p{N}])/u;

export function isClosingHeading(text: string): boolean {
  const normalized = normalizeHeading(text);
  return CLOSING.has(normalized) || APPENDIX.test(normalized);
}

/** An appendix's heading: the headings under it name none of the document's sections ("### Recovery commands used"). */
export function isAppendixHeading(text: string): boolean {
  return APPENDIX.test(normalizeHeading(text));
}

/**
 * "What should you do?", "What you need to do", "Do I need to take any
 * action?", "Recommended steps for customers": advice to the report's
 * readers, not the team's own measures. The labels under it name no section
 * of the report ("Our recommendations are to:" over steps for users).
 */
export function isReaderAdviceHeading(text: string): boolean {
  return READER_ADVICE.test(normalizeHeading(text));
}
const READER_ADVICE =
  /^(?:what[ ](?:should|can|do|does|must)[ ](?:i|you|users?|customers?)[ ](?:(?:need|have)[ ]to[ ])?do|what[ ](?:you|users?|customers?)[ ](?:should|can|must|(?:need|have)[ ]to)[ ]do|do[ ](?:i|you)[ ](?:need|have)[ ]to[ ](?:do|take|change)|(?:recommended[ ])?(?:actions?|steps?|next[ ]steps?|recommendations?)[ ]for[ ](?:you|users?|customers?|affected[ ](?:users?|customers?)))(?![ ]differently)\b/;

/** The section keys, in the order reports list them (the table's order). */
export const SECTION_KEYS = Object.keys(DEFAULT_ALIASES) as readonly SectionKey[];

/** A section's name in messages: the first phrase of its key ("root cause"). */
export function sectionName(key: SectionKey): string {
  return DEFAULT_ALIASES[key][0];
}

/** A section's name as a heading or a label: "Root cause". */
export function sectionTitle(key: SectionKey): string {
  const name = sectionName(key);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Merge user aliases into the defaults (user phrases are normalised like headings). */
export function extendAliases(extra: Partial<Record<SectionKey, string[]>> | undefined): AliasTable {
  const table = {} as AliasTable;
  for (const key of Object.keys(DEFAULT_ALIASES) as SectionKey[]) {
    const phrases = [...DEFAULT_ALIASES[key], ...(extra?.[key] ?? [])].map(normalizeHeading).filter(Boolean);
    table[key] = [...new Set(phrases)];
  }
  return table;
}

const NUMBERING = /^(?:(?:step|part|section)\s{1,3})?(?:\d{1,3}(?:\.\d{1,3}){0,3}[.):]?|[ivx]{1,6}[.)]|[a-h][.)])\s{1,6}|^\d{1,3}(?:\.\d{1,3}){0,3}[.)]/i;
// Full-width brackets too: "Corrective Actions（再カットオーバー前に必須）" is the corrective actions, with a note.
const PARENTHETICAL = /\([^()]{0,200}\)|（[^（）]{0,200}）|\[[^\][]{0,200}\]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** "/etc/resolv.conf", "config.yaml", "~/bin": a path or a file's name, which names no section ("resolv" is not "Resolution"). */
const PATH_OR_FILE = /(?<!\S)(?:[~.]?\/\S*|[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+)(?!\S)/gu;

/** "INSIGHT-2147", "OPS-42": a tracker's key names a ticket, not a section ("Insights" are lessons). */
const TICKET_KEY = /(?<![\p{L}\p{N}-])\p{Lu}[\p{Lu}\p{N}_]{1,15}-\d{1,9}(?![\p{L}\p{N}-])/gu;

/** An emoji written as GitHub's shortcode ("## :warning: Leadup", ":ballot_box_with_check:"), dropped as an emoji is. */
const EMOJI_SHORTCODE = /(?<![\p{L}\p{N}:]):[a-z0-9_+-]{2,40}:(?![\p{L}\p{N}:])/gu;

/**
 * Lower-case, drop numbering ("2.", "IV)"), parentheticals ("(all times UTC)"),
 * emoji (also as shortcodes) and punctuation; "&" reads as "and". "Corrective/Preventative
 * Measures:" becomes "corrective preventative measures".
 */
export function normalizeHeading(text: string): string {
  let s = text.trim().replace(PARENTHETICAL, ' ').replace(EMOJI_SHORTCODE, ' ').replace(TICKET_KEY, ' ');
  s = s.replace(NUMBERING, '').replace(PATH_OR_FILE, ' ');
  // "Root Cause & Resolution", "Fix + follow-ups": two parts, as "and" joins them.
  s = s.replace(/&|(?<=\s)\+(?=\s)/g, ' and ');
  s = s.toLowerCase().replace(NON_WORD, ' ').trim();
  // "Whats next?" as "What's next?": the apostrophe is often left out.
  return s
    // GitHub's CI product ("GitHub Actions pricing") is no list of actions.
    .replace(/\bgithub actions?\b/g, 'github')
    .replace(/\bpost mortem\b/g, 'postmortem')
    // "Time-line of the incident", "Time line": one word, as "post-mortem" is.
    .replace(/\btime lines?\b/g, (m) => m.replace(' ', ''))
    // An "after-action report" is what the military and the public sector call a postmortem: no list of actions.
    .replace(/\bafter action (?:report|review)s?\b/g, 'postmortem')
    .replace(/\b(?:follow|check) ups?\b/g, (m) => m.replace(' ', ''))
    .replace(/\bwhats\b/g, 'what s');
}

/**
 * Words that say nothing about which section a heading opens: question and
 * helper words ("What was…", "How did we…"), pronouns, articles, and the
 * nouns every heading of a postmortem could carry ("incident", "outage").
 */
const STOP = new Set(
  ('a an the and or plus of for to in on at by with from about into onto this that these those it its we our us you your they their them i my me ' +
    'is are was were be been being am do does did has have had will would shall should can could may might must ' +
    'what how when who where which whom so then there here again just also all any some very s re ll ve d m t ' +
    'incident incidents outage outages issue issues postmortem postmortems mortem report our ' +
    // The articles and prepositions of Spanish, French and Portuguese headings ("Análisis de la causa raíz", "Leçons de l'incident").
    'de del la las el los un una unos unas y e en para por con al le les l des du et au aux d une da das dos em na nas nos o os incidente incidentes') .split(' '),
);
/** "didn't", "wasn't": the negation is the meaning that stays. */
const NEGATION = new Set(['didn', 'don', 'doesn', 'wasn', 'weren', 'isn', 'aren', 'won', 'haven', 'hasn', 'not', 'no']);

/** A light stemmer for heading words: plurals and verb endings (as for ids), then one derivational suffix. */
export function stem(word: string): string {
  let w = inflectionStem(word);
  if (w.length <= 3) return w;
  for (const [suffix, replacement] of DERIVATIONAL) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

const DERIVATIONAL: ReadonlyArray<[string, string]> = [
  // British spelling reads as American: "stabilisation" is "stabilization".
  ['isation', 'iz'],
  ['ative', ''],
  ['ation', ''],
  ['ution', 'v'],
  ['ment', ''],
  ['ion', ''],
  ['ive', ''],
  ['ery', 'er'],
  ['ate', ''],
];

interface Token {
  raw: string;
  stem: string;
}

/** The meaningful words of a normalised heading. */
function tokens(normalized: string): Token[] {
  const out: Token[] = [];
  for (const word of normalized.split(' ')) {
    if (!word) continue;
    const raw = NEGATION.has(word) ? 'not' : word;
    if (STOP.has(raw)) continue;
    out.push({ raw, stem: stem(raw) });
  }
  return out;
}

/** How many typing slips a word of this length may carry and still be read as the word. */
function tolerance(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * "resolved", "fixing": a verb form where the table has another word
 * ("resolution", "fix"); on a plain line it reads as a sentence ("Incident
 * resolved"), not a label. Plurals ("Root Causes") and spelling variants
 * ("preventive" for "preventative") are not.
 */
function isInflection(word: string, tableWord: string): boolean {
  return /(?:ed|ing)$/.test(word) && singular(word) !== singular(tableWord);
}

/** A question opening with a helper verb, answered yes or no ("Were we alerted quickly?"). */
const YES_NO_QUESTION = /^[\W_]{0,6}(?:were|was|did|do|does|is|are|can|could|should|have|has|had|will|would)[ \t][^?]{1,200}\?[\W_]{0,6}$/i;
/** A reader's own question, as a FAQ asks it ("My pipelines did not run. How can I fix this?"): no section of the report. */
const READER_QUESTION = /(?:\b(?:can|could|should|do|shall|may)[ \t]i\b|\bmy\b)[^?]{0,200}\?[\W_]{0,6}$/i;

const COORDINATOR = new Set(['and', 'or', 'to', 'then']);
/**
 * A statement of what was missing ("X didn't have a test", "Y was never
 * monitored", "Z only had partial coverage"), as findings are written; a
 * measure done ("The script was updated") is not one.
 */
export function isFinding(text: string): boolean {
  // "Test and notify when `kubectl logs` doesn't work": a lack in a clause of when, a measure's condition.
  const main = text.split(SUBORDINATE, 1)[0];
  return isStatement(main) && LACK.test(main.split(/\s+/, 10).join(' '));
}

/** A word opening a clause of when, if or why, after the main one. */
const SUBORDINATE = /\s(?:when|whenever|if|unless|until|because|so[ \t]that|in[ \t]case)\s/i;

const LACK = /\b(?:never|(?:did|was|were|had|does|is|are)n't|(?:did|was|were|had|does|is|are)[ \t]not|lack(?:s|ed)?|only[ \t]had|had[ \t]no)\b/i;

const AUXILIARY = new Set('is are was were am has have had will would shall should can could may might must do does did'.split(' '));

/**
 * A statement ("The team is continuing to improve…", "It is recommended that
 * you:"), not a label or a measure: a finite helper verb after a subject among
 * its first words. Questions are not statements.
 */
export function isStatement(text: string): boolean {
  if (/\?\s*$/.test(text)) return false;
  const words = text.toLowerCase().split(/\s+/, 7).map((w) => w.replace(/[^\p{L}']/gu, ''));
  // After "and", "or", "to" a helper verb is one more instruction ("Add tests and have reviews"), not a subject's verb.
  // A contraction opens a statement even as its first word ("I'll make sure…", "We're adding…").
  const contracted = (w: string) => /^\p{L}+'(?:s|re|ll|ve|d|t)$/u.test(w);
  return contracted(words[0] ?? '') || words.some((w, i) => i > 0 && !COORDINATOR.has(words[i - 1]) && (AUXILIARY.has(w) || contracted(w)));
}

/** "causes" and "cause", "summaries" and "summary": one word in two numbers. */
function singular(word: string): string {
  if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
  return word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/**
 * 3 for the same word, 2 for the same stem, 1 for a misspelling (same first
 * letter), 0 otherwise. `plain` (a plain line that may be a sentence) takes a
 * stem only for a plural: "Incident resolved" is a sentence, not "Resolution".
 */
/**
 * Words near a section's word that are words of their own, never its
 * misspelling or another form of it: "Machines and services at present" is
 * no "prevent", and "The measurement" (of an indicator) is no "measures".
 */
const WORDS_OF_THEIR_OWN = new Set(['present', 'presents', 'presented', 'presenting', 'measurement', 'measurements']);

function wordScore(a: Token, b: Token, plain = false): number {
  if (a.raw === b.raw) return 3;
  if (WORDS_OF_THEIR_OWN.has(a.raw) || WORDS_OF_THEIR_OWN.has(b.raw)) return 0;
  if (a.stem === b.stem) return plain && isInflection(a.raw, b.raw) ? 0 : 2;
  const limit = Math.min(tolerance(a.raw.length), tolerance(b.raw.length));
  if (limit > 0 && a.raw[0] === b.raw[0] && editDistance(a.raw, b.raw, limit) <= limit) return 1;
  return 0;
}

interface Phrase {
  key: SectionKey;
  words: Token[];
  /** The phrase is one word as written ("Timeline"), not one word left of a question ("What was the problem"). */
  single: boolean;
}

interface Compiled {
  phrases: Phrase[];
  /** Stems of one-word phrases that name one key only ("timeline", "remediation"), and that key. */
  headWords: Map<string, SectionKey>;
  cache: Map<string, SectionKey[]>;
  /** Answers by the text as written, one map per combination of options (see `matchHeading`). */
  byText: Array<Map<string, SectionKey[]>>;
}

const compiledTables = new WeakMap<AliasTable, Compiled>();
const CACHE_LIMIT = 5000;

function compile(table: AliasTable): Compiled {
  let c = compiledTables.get(table);
  if (c) return c;
  const phrases: Phrase[] = [];
  for (const key of Object.keys(table) as SectionKey[]) {
    for (const phrase of table[key]) {
      const normalized = normalizeHeading(phrase);
      const words = tokens(normalized);
      if (words.length > 0) phrases.push({ key, words, single: !normalized.includes(' ') });
    }
  }
  // Head words: one-word phrases whose stem no other key's one-word phrase shares ("why" asks, it names nothing).
  const keysOfHead = new Map<string, Set<SectionKey>>();
  for (const p of phrases) if (p.single) keysOfHead.set(p.words[0].stem, (keysOfHead.get(p.words[0].stem) ?? new Set()).add(p.key));
  const headWords = new Map<string, SectionKey>();
  for (const [stemmed, keys] of keysOfHead) {
    if (keys.size === 1 && stemmed.length >= 3 && !WEAK_HEADS.has(stemmed) && !AHEAD.has(stemmed)) headWords.set(stemmed, [...keys][0]);
  }
  c = { phrases, headWords, cache: new Map(), byText: Array.from({ length: 8 }, () => new Map()) };
  compiledTables.set(table, c);
  return c;
}

/** The best phrase that covers all of `words`, word for word. */
function whole(words: Token[], c: Compiled, plain = false): SectionKey | undefined {
  let best: { key: SectionKey; score: number } | undefined;
  for (const p of c.phrases) {
    if (p.words.length !== words.length) continue;
    let score = 0;
    for (let i = 0; i < words.length && score >= 0; i++) {
      const s = wordScore(words[i], p.words[i], plain);
      score = s === 0 ? -1 : score + s;
    }
    if (score > 0 && (!best || score > best.score)) best = { key: p.key, score };
  }
  return best?.key;
}

/** The longest phrase of two or more words the heading starts with ("Root cause identification: the five whys"). */
function leading(words: Token[], c: Compiled): SectionKey | undefined {
  return leadingPhrase(words, c)?.key;
}

/** `leading`, with the number of words the phrase covers. */
function leadingPhrase(words: Token[], c: Compiled): { key: SectionKey; length: number } | undefined {
  let best: { key: SectionKey; length: number } | undefined;
  for (const p of c.phrases) {
    if (p.words.length < 2 || p.words.length >= words.length || p.words.length <= (best?.length ?? 0)) continue;
    if (p.words.every((w, i) => wordScore(words[i], w) > 0)) best = { key: p.key, length: p.words.length };
  }
  return best;
}

/**
 * Words that look ahead: with one of them a heading names what will be done
 * ("Future improvements", "Long-term solution", "Moving forward", "What's
 * next", "What we're doing differently"), not what was done.
 */
const AHEAD = new Set(['future', 'further', 'forward', 'next', 'ahead', 'upcoming', 'long', 'longer', 'differently', 'henceforth', 'onward', 'onwards']);

/** A preposition of time inside a heading: what follows it says when, not what the heading is about. */
const QUALIFYING_TIME = / (?:after|before|during|until|since|following) /;

/** Words that hold what follows their "of" ("Details of the fix"), naming nothing themselves. */
const CONTAINERS = new Set(['details', 'detail', 'description', 'overview', 'explanation', 'discussion', 'notes', 'areas', 'area']);

/** Fixes named as still to make: "Fixes needed", "Proposed fixes", "Pending fixes", "Recommended solutions", "What needs to be fixed", "Mitigation plan". */
const FIXES_TO_MAKE = /\b(?:(?:fix|fixes|repairs?|solutions?)[ ](?:\w+[ ])?(?:needed|required|pending|proposed|planned|recommended|suggested|outstanding|remaining)|(?:needed|required|pending|proposed|planned|recommended|suggested|outstanding|remaining)[ ](?:\w+[ ])?(?:fix|fixes|repairs?|solutions?)|(?:needs?|has|have|is|are|still)[ ](?:still[ ])?to[ ]be[ ](?:fixed|repaired)|needs?[ ]fixing|(?:fix|mitigation)[ ]plans?)\b/;

/** A heading naming figures ("Improvement metrics", "Remediation statistics"): what was counted, not measures to take. */
const FIGURES_NAMED = /\s(?:metrics|statistics|stats|kpis)$/;

/** A heading naming an analysis of measures ("Prevention analysis", "Analysis of the measures"), not the measures. */
const MEASURES_ANALYSED = /(?:^|\s)(?:prevention|preventive|preventative|measures?|actions?|remediations?|improvements?)\s(?:analysis|analyses)$|^(?:analysis|analyses)\s(?:of\s)?(?:the\s)?(?:prevention|preventive|preventative|measures?|actions?|remediations?|improvements?)\b/;

/** "The following events took place October 4, 2021:": a heading announcing the events under it. */
const EVENTS_ANNOUNCED = /^(?:the )?following (?:events|sequence of events|timeline)\b/;

/** The one or two words before the first Romance "of" ("déroulement chronologique des actions", "mesures de correction"). */
const ROMANCE_HEAD = /^(\S+(?: \S+)?) (?:de|des|del|della|delle|dei|degli|du|da|do|dos|das|di) /;

/** "Analysis" in the languages the table reads: before what it analyses, it names nothing itself. */
const ANALYSIS = new Set(['analysis', 'análisis', 'analisis', 'analyse', 'análise', 'analise', 'analisi', 'analizi', 'analiz']);

/** A word of AHEAD where it looks ahead: "long" and "longer" only as "long-term" or "long run" ("Why restores took so long" does not). */
function looksAhead(word: Token, i: number, words: Token[]): boolean {
  if (!AHEAD.has(word.raw)) return false;
  return !word.raw.startsWith('long') || words[i + 1]?.raw === 'term' || words[i + 1]?.raw === 'run';
}

/** One-word phrases too common in titles and questions to name a section from inside a longer heading ("Ingestion events", "Why this matters"). */
const WEAK_HEADS = new Set(['why', 'event', 'what']);

/**
 * The key of a short heading's head word: in English the last noun of a
 * phrase is its head ("Follow-up timeline" is a timeline, "Events timeline"
 * too), the part before "of" in "X of Y" ("Timeline of events"). Only words
 * that name one key on their own count ("timeline", "improvements",
 * "mitigation"); a word that looks ahead turns what was done into what will be
 * done ("Long-term solution").
 */
function headWord(normalized: string, c: Compiled): SectionKey | undefined {
  return headWordAt(normalized, c)?.key;
}

/** `headWord`, with the head word's place among the heading's words. */
function headWordAt(normalized: string, c: Compiled): { key: SectionKey; index: number } | undefined {
  const [before, ...rest] = normalized.split(' of ');
  // "Details of mitigation", "Overview of the root cause": a word that only holds the rest leaves the head to it.
  // "State after each action", "Root cause before the fix": what follows a word of time qualifies the head, before it.
  const head = tokens(rest.length > 0 && CONTAINERS.has(before) ? rest.join(' of ') : before.split(QUALIFYING_TIME)[0]);
  if (head.length === 0 || head.length > 6) return undefined;
  for (let i = head.length - 1; i >= 0; i--) {
    if (WORDS_OF_THEIR_OWN.has(head[i].raw)) continue;
    const key = c.headWords.get(head[i].stem) ?? misspelt(head[i], c);
    // "Measured Outcomes": a participle before the head describes it; "measured" shares no more than a stem with "measures".
    if (key === 'action-items' && i < head.length - 1 && /ed$/.test(head[i].raw)) continue;
    // "Silent task failures", "Action failures": a word before the problem it names is a kind of that problem.
    if ((key === 'action-items' || key === 'resolution') && i < head.length - 1 && PROBLEM_NOUN.test(head[head.length - 1].raw)) return undefined;
    if (key) return { key: key === 'resolution' && head.some(looksAhead) ? 'action-items' : key, index: i };
  }
  return undefined;
}

/** The thing that went wrong, as the last word of a heading. */
const PROBLEM_NOUN = /^(?:failures?|errors?|crash(?:es)?|bugs?|breakages?|leaks?|regressions?|timeouts?|exceptions?)$/;

/** A misspelt head word ("Timline", "Remediaton"), by the same tolerance as whole phrases. */
function misspelt(word: Token, c: Compiled): SectionKey | undefined {
  for (const [stemmed, key] of c.headWords) {
    if (wordScore(word, { raw: stemmed, stem: stemmed }) === 1) return key;
  }
  return undefined;
}

/**
 * "Detect destructive operations", "Monitor disk usage": a heading that opens
 * with a verb whose noun names a section ("detection", "monitoring"), followed
 * by what it acts on. Inside the measures it is a measure's name, not the
 * section's; "Lessons learnt" and "Impact on users" open with a word of the
 * table as written, and are not.
 */
export function opensWithVerbOfSection(text: string, table: AliasTable): boolean {
  const words = tokens(normalizeHeading(text));
  if (words.length < 2) return false;
  const first = words[0];
  let nounOfIt = false;
  for (const p of compile(table).phrases) {
    for (const w of p.words) {
      if (w.raw === first.raw) return false;
      if (w.stem === first.stem && w.raw.length > first.raw.length && w.raw.startsWith(first.raw.replace(/e$/, ''))) nounOfIt = true;
    }
  }
  return nounOfIt;
}

const SPLIT = /\s(?:and|or|plus)\s/;
/**
 * "And" in the languages the table names ("Causa raíz y resolución", "Ursache und Lösung"): it parts a heading
 * of short names only. In a longer one it joins what a head names ("Déroulement chronologique des actions et
 * erreur critique" is a timeline), and some of these words are also prepositions ("en").
 */
const SPLIT_OTHER = /\s(?:y|e|et|und|i|og|och|en|ve|и)\s/u;
const SHORT_PART_WORDS = 3;

/** A heading's text parted on "and": in English always, in the other languages only into short names. */
function splitOnAnd(text: string): string[] {
  return text.split(SPLIT).flatMap((part) => {
    const others = part.split(SPLIT_OTHER);
    return others.every((p) => p.trim().split(/\s+/).length <= SHORT_PART_WORDS) ? others : [part];
  });
}

/**
 * The keys a heading stands for. Tries, in order: the whole heading; its
 * parts split on "and"/"/" ("Root Cause and Resolution"); a phrase at the
 * start of the heading ("Corrective and preventative measures must contain");
 * the head word of a short heading ("Events Timeline", "Future improvements").
 * `strict` stops after the first two, for plain lines that may be sentences.
 */
export interface MatchOptions {
  /** Only the whole heading or all its parts, no phrase at its start or word inside it (pseudo-headings). */
  strict?: boolean;
  /** Words must be the table's own or their plurals, not other forms of them (plain lines, which may be sentences). */
  plain?: boolean;
  /** After the whole heading and its parts, only a phrase it opens with ("Corrective and preventative measures must contain:"). */
  prefix?: boolean;
}

export function matchHeading(text: string, table: AliasTable, options: MatchOptions = {}): SectionKey[] {
  const c = compile(table);
  // The same headings and labels recur, as the same strings (phrasingLines shares its lines): looked up as written,
  // they skip normalising the text and hashing a new key, which was most of the cost of a match.
  const byText = c.byText[(options.strict ? 1 : 0) | (options.plain ? 2 : 0) | (options.prefix ? 4 : 0)];
  let keys = byText.get(text);
  if (keys === undefined) {
    if (byText.size >= CACHE_LIMIT) byText.clear();
    keys = matchNormalized(text, c, options);
    byText.set(text, keys);
  }
  return [...keys];
}

/**
 * "DNS resolution failure", "Two parallel user-resolution paths": resolving
 * names, users or conflicts, a thing of the system, not how the incident was
 * resolved. The heading is read without the word.
 */
const SOMETHING_RESOLVED = /\b(dns|names?|address(?:es)?|host(?:name)?s?|users?|conflicts?|dependency|dependencies|modules?|paths?|symbols?|domains?|screen|image|video|display|high|low)[ \t]*[-‐–]?[ \t]*resolution\b/giu;

const RECOVERY_OBJECTIVE = /\brecovery[ ](?:time|point)[ ](?:objectives?|actual)\b|^(?:rto|rpo)(?:[ ](?:and|&)[ ](?:rto|rpo))?$/;

/** "immediate", "initial": how soon, before the words that name the section. */
const SOON = /\b(?:immediate|initial|urgent)[ \t]+/giu;

function matchNormalized(text: string, c: Compiled, options: MatchOptions): SectionKey[] {
  const unresolved = text.replace(SOMETHING_RESOLVED, '$1');
  if (unresolved !== text) return matchNormalized(unresolved, c, options);
  // "Conclusions - What We Plan to Change": the conclusion drawn is the section its second half names.
  const concluded = CONCLUSION_NAMED.exec(text);
  if (concluded) return matchNormalized(concluded[1], c, options);
  const normalized = normalizeHeading(text);
  if (!normalized || normalized.length > 120) return [];
  // What the text holds beyond its normalised form: a slash parting it, a question's mark (see match).
  const asks = /\?[\W_]{0,6}$/.test(text) ? '?' : '';
  const cacheKey = `${options.strict ? 's' : 'n'}${options.plain ? 'p' : 'w'}${options.prefix ? 'x' : ''}${text.replace(PARENTHETICAL, ' ').includes('/') ? '/' : ''}${asks}${normalized}`;
  const cached = c.cache.get(cacheKey);
  if (cached) return cached;
  const found = match(text, normalized, c, options.strict === true, options.plain === true, options.prefix === true);
  // "What immediate steps were taken?", "Initial steps taken": a word of how soon adds nothing to what the heading names.
  const unhurried = found.length === 0 ? text.replace(SOON, '') : text;
  const unqualified = unhurried !== text ? matchNormalized(unhurried, c, options) : found;
  const glossed = unqualified.length > 0 ? unqualified : glossKeys(text, c);
  // "Immediate fixes needed", "Proposed fixes": fixes still to make are measures, not the fix that resolved it.
  const named = glossed.length === 1 && glossed[0] === 'resolution' && FIXES_TO_MAKE.test(normalized) ? ['action-items' as const] : glossed;
  // "Problematic areas & prevention analysis": an analysis of what could prevent it, not the measures decided.
  // "Improvement metrics": figures of the improvements, not the improvements.
  const keys = MEASURES_ANALYSED.test(normalized) || FIGURES_NAMED.test(normalized) ? named.filter((k) => k !== 'action-items') : named;
  if (c.cache.size >= CACHE_LIMIT) {
    // The answers by text may come from entries about to go: they go too, so a text is answered as its normalised form now is.
    c.cache.clear();
    for (const m of c.byText) m.clear();
  }
  c.cache.set(cacheKey, keys);
  return keys;
}

/** What a heading asking why names as the effect it explains, not as its own subject. */
const CAUSED_THINGS: ReadonlySet<SectionKey> = new Set(['resolution', 'action-items', 'impact']);

function match(text: string, normalized: string, c: Compiled, strict: boolean, plain: boolean, prefix: boolean): SectionKey[] {
  if (READER_QUESTION.test(text)) return [];
  // "Recovery Time Objective (RTO)": a target of the recovery, measured, not how the incident was resolved.
  if (RECOVERY_OBJECTIVE.test(normalized)) return [];
  // A heading that names its section only when no other does ("Response actions") names none by its words.
  if (FALLBACK.some(([phrase]) => phrase === normalized)) return [];
  if (PROBLEM_NAMED.has(normalized)) return ['summary'];
  if (TO_DO.has(normalized)) return ['action-items'];
  if (HOW_IT_HAPPENED.has(normalized.replace(LEADING_CONJUNCTION, ''))) return ['root-cause'];
  const named = WHOLE_HEADINGS.get(normalized);
  if (named) return [named];
  if (normalized === PROBLEMS_LISTED) return ['lessons-learned'];
  // Before the words alone: without "to be", "Actions to be taken" reads as "Actions taken".
  if (TO_BE_TAKEN.test(normalized)) return ['action-items'];
  if (IN_HINDSIGHT.test(normalized)) return ['lessons-learned'];
  if (PROBLEMS_MET.test(normalized)) return ['lessons-learned'];
  if (CHANGES_TO_MAKE.test(normalized) || TAKEN_SINCE.test(normalized) || CHANGED_SINCE.test(normalized)) return ['action-items'];
  if (HORIZON.test(normalized)) return ['action-items'];
  if (ROMANCE_RESOLUTION_STEPS.test(normalized) || REMEDIATION_DONE.test(normalized)) return ['resolution'];
  if (EVENTS_ANNOUNCED.test(normalized)) return ['timeline'];
  const words = tokens(normalized);
  if (words.length === 0 || words.length > 16) return [];
  const exact = whole(words, c, plain);
  if (exact) return [exact];
  // "Analysis of the root cause", "Análisis de causa raíz": a word that only holds the rest names what the rest names.
  const held = words.length >= 2 && (CONTAINERS.has(words[0].raw) || ANALYSIS.has(words[0].raw)) ? whole(words.slice(1), c, plain) : undefined;
  if (held) return [held];
  // "Timeline summary", "Root cause overview": the section it sums up, not the document's summary. An "Impact summary"
  // sums up the incident: the summary.
  const summed = words.length >= 2 && /^(?:summary|overview)$/.test(words[words.length - 1].raw) ? whole(words.slice(0, -1), c, plain) : undefined;
  if (summed && SUMMED.has(summed)) return [summed];
  // "Were we able to diagnose and fix the issue quickly?": a review question answered yes or no, not a section named.
  if (YES_NO_QUESTION.test(text)) return [];
  if (CJK.test(normalized)) return bilingualKeys(text, c, strict, plain) ?? cjkKeys(normalized, strict);
  // "Remediation challenges": what stood in the way of the remediation (what went wrong), not measures.
  if (words.length >= 2 && normalized.split(' ').length <= 4 && HINDRANCES.has(words[words.length - 1].raw)) return ['lessons-learned'];
  // Unless configured as an alias, "Call to action" names no section, though "action" would make it the action items.
  if (CLOSING.has(normalized) || APPENDIX.test(normalized)) return [];
  if (MEASURES_ASKED.has(normalized) || MEASURES_ANNOUNCED.test(normalized) || STRENGTHENING.test(normalized) || RECURRENCE_STOPPED.test(normalized)) return ['action-items'];
  if (TO_AVOID.test(normalized)) return ['lessons-learned'];
  if (AVOIDED.test(normalized)) return [];
  const parted = partKeys(text, normalized, c, strict, plain);
  if (parted.length > 0) return parted;
  if (prefix) {
    const lead = leading(words, c);
    return lead ? [lead] : [];
  }
  if (strict) return [];
  if (IMPROVING.test(normalized)) return ['action-items'];
  // "Déroulement chronologique des actions…": in a Romance language the head comes first, before its "de"/"des".
  // Not a problem or an impact of something ("Problema de backups" is one of several problems, not the summary).
  const romanceHead = ROMANCE_HEAD.exec(normalized);
  const romance = romanceHead ? whole(tokens(romanceHead[1]), c, plain) : undefined;
  if (romance && romance !== 'summary' && romance !== 'impact') return [romance];
  // The head word names what the heading is about ("Root cause remediations" are measures); else a phrase it opens
  // with. A phrase that takes the head word in says more of it: "Actions taken during the incident" were taken
  // ("actions taken", the resolution), not planned ("actions").
  // "Why restores took so long", "Why it caused infrastructure impact": why asks for a cause; the restore or the
  // impact it names is not the resolution, a measure or the impact section ("Why was this hard to detect?" is
  // about the detection, though).
  const headWordFound = headWordAt(normalized, c);
  const head = words[0].raw === 'why' && headWordFound && CAUSED_THINGS.has(headWordFound.key) ? undefined : headWordFound;
  const phrase = leadingPhrase(words, c);
  if (head && phrase && head.index < phrase.length) return [phrase.key];
  // The same for a phrase it ends with: "Immediate actions taken" ("actions taken").
  const tail = head ? trailingPhrase(words, c) : undefined;
  if (head && tail && head.index >= words.length - tail.length) return [tail.key];
  const key = head?.key ?? phrase?.key;
  return key ? [key] : [];
}

/**
 * "Kronologi (timeline)", "Tindakan Perbaikan (action items)": a heading in
 * another language with the section's English name in brackets. Only when
 * the words outside the brackets name nothing, hold no number ("Update 3
 * (fix)" is an update), and the bracket is the table's own words.
 */
function glossKeys(text: string, c: Compiled): SectionKey[] {
  const glosses = text.match(PARENTHETICAL);
  // A number besides the section's own ("2. Timeline (…)") makes it an update ("Update 3 (fix)").
  if (!glosses || /\d/.test(normalizeHeading(text))) return [];
  for (const gloss of glosses) {
    const words = tokens(normalizeHeading(gloss.slice(1, -1)));
    const key = words.length > 0 && words.length <= 4 ? whole(words, c, true) : undefined;
    if (key) return [key];
  }
  return [];
}

/** The sections whose own summary ("Timeline summary") is that section. */
const SUMMED: ReadonlySet<SectionKey> = new Set(['timeline', 'root-cause', 'resolution', 'action-items']);

/** The longest phrase of two or more words the heading ends with, and how many words it covers. */
function trailingPhrase(words: Token[], c: Compiled): { key: SectionKey; length: number } | undefined {
  let best: { key: SectionKey; length: number } | undefined;
  for (const p of c.phrases) {
    const n = p.words.length;
    if (n < 2 || n >= words.length || n <= (best?.length ?? 0)) continue;
    if (p.words.every((w, i) => wordScore(words[words.length - n + i], w) > 0)) best = { key: p.key, length: n };
  }
  return best;
}

/** "Root Cause and Resolution", "Root cause / resolution", "Lessons learned and future improvements": the keys of its parts. */
function partKeys(text: string, normalized: string, c: Compiled, strict: boolean, plain: boolean): SectionKey[] {
  // A slash inside a parenthetical ("(optional for sev0/sev1)") parts nothing: the parenthetical is dropped anyway.
  const bare = text.replace(PARENTHETICAL, ' ');
  const slashParts = bare.includes('/') ? bare.split('/').map(normalizeHeading) : [normalized];
  const parts = slashParts.flatMap(splitOnAnd).map((p) => p.trim()).filter((p) => tokens(p).length > 0);
  const keys: SectionKey[] = [];
  if (parts.length < 2) return keys;
  for (const part of parts) {
    const partWords = tokens(part);
    const key = whole(partWords, c, plain) ?? (strict ? undefined : headWord(part, c) ?? leading(partWords, c));
    // A plain line is a label only when every part of it names a section ("Root cause / resolution").
    if (!key && strict) return [];
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
