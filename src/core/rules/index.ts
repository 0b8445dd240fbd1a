/** The rule registry, in the order rules run and are documented. */
import type { AnyRule } from './rule.js';
import requiredSections from './required-sections.js';
import emptySection from './empty-section.js';
import duplicateSection from './duplicate-section.js';
import placeholderText from './placeholder-text.js';
import timelineUntimed from './timeline-untimed.js';
import timestampInvalid from './timestamp-invalid.js';
import timelineOrder from './timeline-order.js';
import timelineWindow from './timeline-window.js';
import durationMismatch from './duration-mismatch.js';
import timezoneMissing from './timezone-missing.js';
import futureDate from './future-date.js';
import actionItemsMissing from './action-items-missing.js';
import actionItemsProse from './action-items-prose.js';
import actionItemOwner from './action-item-owner.js';
import actionItemDueLimit from './action-item-due-limit.js';
import frontMatterSyntax from './front-matter-syntax.js';
import frontMatterSchema from './front-matter-schema.js';
import blamefulLanguage from './blameful-language.js';
import readableFile from './readable-file.js';

export const RULES: readonly AnyRule[] = [
  readableFile,
  frontMatterSyntax,
  frontMatterSchema,
  requiredSections,
  emptySection,
  duplicateSection,
  placeholderText,
  timelineUntimed,
  timestampInvalid,
  timelineOrder,
  timelineWindow,
  durationMismatch,
  timezoneMissing,
  futureDate,
  actionItemsMissing,
  actionItemsProse,
  actionItemOwner,
  actionItemDueLimit,
  blamefulLanguage,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): AnyRule | undefined {
  return byId.get(id);
}
