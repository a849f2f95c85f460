/**
 * `node scripts/build-lexicon.ts`: writes src/core/word-classes.json, the word
 * classes the sentence reader looks words up in, taken from compromise's English
 * lexicon (single words only). Shipped as data, so reading a title loads no
 * tagger; run again after upgrading compromise.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise/two';

const CLASSES: Record<string, string[]> = {
  infinitive: ['Infinitive'],
  present: ['PresentTense'],
  past: ['PastTense', 'Participle'],
  gerund: ['Gerund'],
  noun: ['Singular', 'Plural', 'Actor', 'Uncountable', 'Noun', 'Unit'],
  adjective: ['Adjective', 'Comparative', 'Superlative'],
};

const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
const byClass: Record<string, string[]> = Object.fromEntries(Object.keys(CLASSES).map((name) => [name, []]));
for (const [word, tag] of Object.entries(lexicon)) {
  if (!/^[a-z][a-z'-]*$/.test(word)) continue;
  const tags = Array.isArray(tag) ? tag : [tag];
  const name = Object.entries(CLASSES).find(([, members]) => members.some((member) => tags.includes(member)))?.[0];
  if (name) byClass[name]!.push(word);
}
const out = path.resolve(import.meta.dirname, '../src/core/word-classes.json');
writeFileSync(out, `${JSON.stringify(Object.fromEntries(Object.entries(byClass).map(([name, words]) => [name, words.sort().join(' ')])), null, 1)}\n`);
console.log(
  `${out}: ${Object.entries(byClass)
    .map(([name, words]) => `${name} ${words.length}`)
    .join(', ')}`,
);
