/**
 * The corpus of real postmortems, read the way a careful reviewer reads them.
 * For each file: the sections (line:keys), the number of timeline entries and
 * how many carry a time, the action items (line:kind, "!" when done), the
 * incident window (start, end, stated minutes) and the error-severity rules
 * that fire. Where the model still reads a file differently from a human, the
 * comment above its row says how (see also the report of the corpus review).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, FIXTURES } from '../helpers.js';

interface Outline {
  sections: string;
  items: string;
  errors: string[];
}

interface Time {
  timeline: [number, number];
  window: [string | null, string | null, number | null];
  errors: string[];
  /** Lines of timeline-window findings (warnings), when there are any. */
  windowWarnings?: number[];
}

const TIME_RULES = new Set(["timeline-order","timeline-window","duration-mismatch","timestamp-invalid","timezone-missing","timeline-untimed","future-date"]);

/** Sections, action items and the findings of the rules that read them. */
const OUTLINE: Record<string, Outline> = {
  // Human: a case-study description; 'Timeline Reconstruction:' (9), 'Root Cause Analysis:' (10) and 'Corrective Actions:' (11, with 3 measures on 12-14) are inline labels the model does not take as sections.
  // The label leaves the action-item section open (null) but counts the 3 measures; the model reads none ('Corrective Actions: … several solutions:' is a field line of the 'Activities:' block).
  '047': {sections: "21:lessons-learned", items: "", errors: ["action-items-missing","required-sections"]},
  '048': {sections: "8:summary 13:timeline 21:root-cause+resolution 25:action-items", items: "27:o 28:o", errors: []},
  '049': {sections: "5:summary 9:timeline 21:root-cause+resolution 25:action-items", items: "27:o 28:o 29:o", errors: []},
  '050': {sections: "5:summary 11:timeline 25:root-cause+resolution 27:root-cause 30:resolution 60:action-items", items: "63:o 64:o 65:o 68:o 69:o 70:o 71:o 72:o", errors: []},
  '051': {sections: "6:summary 10:timeline 17:root-cause+resolution 21:action-items", items: "24:o 25:o 26:o 27:o 28:o", errors: []},
  '052': {sections: "3:summary 6:timeline 19:root-cause+resolution 29:action-items", items: "30:o 31:o", errors: []},
  '053': {sections: "1:summary 4:timeline 13:root-cause+resolution 16:action-items", items: "17:o 18:o 19:o", errors: []},
  '054': {sections: "5:summary 8:timeline 17:root-cause+resolution 20:action-items", items: "21:o 22:o 23:o", errors: []},
  '055': {sections: "5:summary 9:timeline 20:root-cause+resolution 24:action-items", items: "26:o 27:o 28:o", errors: []},
  '056': {sections: "6:timeline 16:root-cause+resolution 20:action-items", items: "23:o 24:o", errors: ["required-sections"]},
  '057': {sections: "9:summary 17:timeline 29:root-cause+resolution 35:action-items", items: "38:o 39:o 42:o 43:o 44:o", errors: []},
  '058': {sections: "3:summary 8:timeline 18:root-cause+resolution 23:action-items", items: "25:o 26:o 27:o 28:o", errors: []},
  '059': {sections: "3:summary 10:summary 14:timeline 36:root-cause+resolution 42:action-items", items: "46:o 47:o 48:o 52:o 53:o 54:o", errors: []},
  '060': {sections: "5:summary 8:timeline 21:root-cause+resolution 24:action-items", items: "26:o 27:o", errors: []},
  '061': {sections: "11:summary 15:timeline 30:root-cause+resolution 34:action-items", items: "36:o 37:o", errors: []},
  '062': {sections: "5:summary 10:impact 13:root-cause 18:timeline 34:root-cause+resolution 44:action-items", items: "47:o 48:o 49:o 52:o 53:o 54:o 55:o 56:o", errors: []},
  '063': {sections: "1:summary 6:timeline 14:root-cause+resolution 18:action-items", items: "20:o 22:o 23:o", errors: []},
  '064': {sections: "3:summary", items: "", errors: ["action-items-missing","required-sections"]},
  '065': {sections: "3:summary 7:timeline 17:root-cause+resolution 19:action-items", items: "20:o 22:o 23:o", errors: []},
  '066': {sections: "8:timeline 18:root-cause+resolution 22:action-items", items: "25:o 26:o", errors: ["required-sections"]},
  '067': {sections: "6:summary 12:timeline 26:root-cause+resolution 37:action-items", items: "40:o 41:o 42:o 45:o 46:o 47:o 48:o 49:o 50:o", errors: []},
  // 'Detection:' (9) over the phase lines 10-14 is a phase of the timeline (7), not a section of its own.
  '068': {sections: "1:summary 7:timeline 15:root-cause+resolution 20:action-items", items: "23:o 24:o 25:o 28:o 29:o 30:o 31:o 32:o", errors: []},
  '069': {sections: "1:summary 6:timeline 15:root-cause+resolution 19:action-items", items: "20:o 22:o 23:o 24:o", errors: []},
  '070': {sections: "5:summary 9:timeline 21:root-cause+resolution 25:action-items", items: "27:o 28:o 29:o", errors: []},
  '071': {sections: "5:summary 8:timeline 20:root-cause+resolution 23:action-items", items: "25:o 26:o", errors: []},
  '072': {sections: "", items: "", errors: ["action-items-missing","required-sections"]},
  '073': {sections: "3:summary 10:timeline 54:lessons-learned 56:lessons-learned 60:lessons-learned 69:action-items", items: "71:o 72:o", errors: ["required-sections"]},
  '074': {sections: "3:summary 15:timeline 62:lessons-learned 64:lessons-learned 70:lessons-learned 76:action-items", items: "78:o 79:o", errors: ["required-sections"]},
  '075': {sections: "3:summary 10:timeline 51:lessons-learned 53:lessons-learned 59:lessons-learned 65:action-items", items: "68:o 69:o", errors: ["required-sections"]},
  '076': {sections: "7:summary 13:root-cause 19:resolution 25:lessons-learned", items: "", errors: ["action-items-missing","required-sections"]},
  // Human: the Bug column ('Bug 5554823') links an internal bug, not a GitHub issue, so `issue` stays null. Type 'mitigate' names neither kind, so line 45 is 'other' (as labelled).
  '077': {sections: "17:summary 21:impact 25:root-cause 29:root-cause 33:resolution 37:detection 41:action-items 55:lessons-learned 57:lessons-learned 62:lessons-learned 67:lessons-learned 73:timeline", items: "45:o! 46:p 47:o 48:p 49:p! 50:p 51:p 52:p! 53:o", errors: []},
  '078': {sections: "", items: "", errors: ["action-items-missing","required-sections"]},
  '079': {sections: "5:summary 7:timeline 22:action-items", items: "25:o! 26:o 27:o 28:o 29:o 30:o 31:o", errors: ["required-sections"]},
  '080': {sections: "2:summary 5:timeline 14:root-cause+resolution 17:action-items", items: "18:o 19:o", errors: []},
  '081': {sections: "7:summary 11:timeline 21:root-cause+resolution 35:action-items", items: "37:o 38:o", errors: []},
  '082': {sections: "2:summary 4:timeline 13:root-cause 15:action-items", items: "16:o 17:o 18:o 19:o", errors: ["required-sections"]},
  '083': {sections: "3:summary 10:timeline 109:action-items", items: "113:o 118:o 121:o 125:o 131:o", errors: ["required-sections"]},
  '084': {sections: "4:summary 8:timeline 58:action-items", items: "62:o 63:o 67:o 68:o 69:o 70:o 74:o", errors: ["required-sections"]},
  '085': {sections: "3:summary 10:timeline 32:lessons-learned 34:lessons-learned 38:lessons-learned 43:lessons-learned 47:action-items", items: "51:o! 56:o", errors: ["required-sections"]},
  // Human: the plain paragraph at 113 ('Add these to the documentation…', between two numbered lists) is an 11th measure; the model reads a paragraph among lists as a remark.
  '086': {sections: "3:summary 12:timeline 64:lessons-learned 66:lessons-learned 72:lessons-learned 93:action-items", items: "97:o 100:o 102:o 109:o 111:o 118:o 121:o 134:o 138:o! 143:o", errors: ["required-sections"]},
  '087': {sections: "11:summary 13:impact 15:root-cause 17:root-cause 19:resolution 21:detection 23:action-items 25:lessons-learned 27:lessons-learned 29:lessons-learned 31:lessons-learned 33:timeline", items: "", errors: ["action-items-missing"]},
  '088': {sections: "3:summary 10:timeline 47:lessons-learned 49:lessons-learned 56:lessons-learned 62:action-items", items: "64:o! 65:o 66:o 67:o", errors: ["required-sections"]},
  '089': {sections: "3:summary 18:timeline 99:lessons-learned 101:lessons-learned 108:lessons-learned 119:action-items", items: "122:o! 123:o 125:o 127:o 129:o", errors: ["required-sections"]},
  '090': {sections: "3:summary 12:timeline 56:lessons-learned 58:lessons-learned 65:lessons-learned 72:action-items", items: "76:o 78:o 80:o", errors: ["required-sections"]},
  '091': {sections: "9:timeline", items: "", errors: ["action-items-missing","required-sections"]},
  '201': {sections: "3:summary 25:timeline 44:root-cause 54:lessons-learned 60:action-items", items: "62:o 64:o 66:o 68:o", errors: ["required-sections"]},
  // Human label: no root-cause section. The model reads '## Contributing Factors' (21) as the root cause, as the label of 303 does and incident.io's template means it (see the report).
  '202': {sections: "3:summary 8:timeline 21:root-cause 29:lessons-learned 36:action-items", items: "38:o 39:o 40:o 41:o", errors: ["required-sections"]},
  // Human label: no root-cause section; the model reads '## Contributing Factors' (24) as the root cause (as for 202).
  '203': {sections: "3:summary 7:timeline 24:root-cause 31:action-items 38:lessons-learned", items: "33:o 34:o 35:o 36:o", errors: ["required-sections"]},
  // Human label: no root-cause section; the model reads '## Contributing Factors' (31) as the root cause (as for 202).
  '204': {sections: "3:summary 7:timeline 31:root-cause 38:action-items 46:lessons-learned", items: "40:o 41:o 42:o 43:o 44:o 45:o!", errors: ["required-sections"]},
  '205': {sections: "16:root-cause 25:resolution 51:timeline 79:action-items", items: "81:o 83:o 84:o 85:o", errors: ["required-sections"]},
  '206': {sections: "16:root-cause 29:resolution 74:timeline 109:action-items", items: "111:o 112:o 116:o 118:o 120:o", errors: ["required-sections"]},
  '207': {sections: "14:summary 38:impact 55:detection 65:resolution 71:timeline 95:root-cause 153:root-cause 167:lessons-learned 176:action-items", items: "178:c 179:c 180:c", errors: []},
  '208': {sections: "15:root-cause 32:resolution 40:timeline 57:action-items", items: "", errors: ["action-items-prose","required-sections"]},
  '216': {sections: "6:summary 15:impact 23:root-cause 42:detection 49:resolution 62:lessons-learned 64:lessons-learned 71:lessons-learned 91:lessons-learned 96:action-items 104:timeline", items: "98:o 101:o", errors: []},
  // Human: same 3 measures; the model's title of line 69 leaves out the item's own issue reference '(#11957)', which the label keeps.
  '217': {sections: "5:summary 12:impact 19:root-cause 36:detection 42:resolution 48:lessons-learned 50:lessons-learned 54:lessons-learned 62:lessons-learned 66:action-items 72:timeline", items: "68:o 69:o 70:o", errors: []},
  '218': {sections: "7:summary 14:impact 24:root-cause 38:detection 48:resolution 54:lessons-learned 56:lessons-learned 60:lessons-learned 68:lessons-learned 72:action-items 79:timeline", items: "74:o 76:o", errors: []},
  '226': {sections: "8:impact 12:action-items", items: "14:o 15:o 16:o 17:o", errors: ["required-sections"]},
  '302': {sections: "3:summary 9:timeline 42:action-items 51:lessons-learned 53:lessons-learned", items: "44:o 45:o 46:o 47:o 48:o 49:o", errors: ["required-sections"]},
  '303': {sections: "3:summary 11:timeline 38:root-cause 49:action-items 62:lessons-learned", items: "52:o 53:o 54:o 55:o 56:o 57:o 58:o 59:o 60:o", errors: ["required-sections"]},
  '304': {sections: "7:summary 11:timeline 41:root-cause 53:impact 59:action-items 82:lessons-learned", items: "63:o! 64:o! 68:o 70:o 72:o 74:o 78:o 79:o 80:o", errors: ["required-sections"]},
  '305': {sections: "9:summary 21:impact 29:timeline 44:root-cause 56:resolution 67:lessons-learned 81:action-items", items: "85:o! 88:o 89:o 90:o 91:o 92:o 93:o", errors: []},
  '306': {sections: "8:summary 23:impact 26:impact 44:timeline 49:root-cause 86:detection 102:action-items 174:lessons-learned 177:lessons-learned 191:lessons-learned", items: "107:o! 114:o! 123:o! 130:o! 137:o! 143:o! 150:o! 158:o 165:o 168:o 171:o", errors: ["required-sections"]},
  '312': {sections: "3:summary 18:timeline 45:root-cause 49:resolution 53:action-items", items: "", errors: ["action-items-prose"]},
  '313': {sections: "3:summary 7:timeline 41:resolution 61:summary 105:root-cause", items: "", errors: ["action-items-missing","required-sections"]},
  '314': {sections: "4:summary 13:timeline 26:root-cause 31:resolution 35:action-items", items: "", errors: ["action-items-prose"]},
  '315': {sections: "13:summary 16:impact 19:root-cause 27:root-cause 30:resolution 33:detection 36:action-items 43:lessons-learned 47:lessons-learned 50:lessons-learned 53:lessons-learned 56:timeline", items: "37:o 39:o 41:o", errors: []},
  '316': {sections: "7:summary 40:root-cause 58:resolution 68:action-items", items: "70:c 71:c 72:c", errors: ["required-sections"]},
  '319': {sections: "", items: "", errors: ["action-items-missing","required-sections"]},
  '320': {sections: "", items: "", errors: ["action-items-missing","required-sections"]},
  '323': {sections: "", items: "", errors: ["action-items-missing","required-sections"]},
  '325': {sections: "5:summary 9:timeline 25:root-cause 59:impact 80:action-items 108:lessons-learned 110:lessons-learned 116:lessons-learned 123:lessons-learned", items: "86:o! 87:o! 88:o 90:o 94:o 96:o 98:o 102:o 104:o 106:o", errors: ["required-sections"]},
};

/** Timeline entries (all, timed), the incident window and the findings of the rules that read time. */
const TIME: Record<string, Time> = {
  // A case-study description: 'Timeline Reconstruction:' holds no clock times.
  '047': {timeline: [0,0], window: [null,null,null], errors: []},
  // 'Duration: May 10, 2024' is a date, not a length; no start or end is stated.
  '048': {timeline: [6,6], window: [null,null,null], errors: []},
  '049': {timeline: [9,9], window: ["2022-02-05T08:55:00Z","2022-02-05T10:20:00Z",null], errors: []},
  '050': {timeline: [12,12], window: ["2024-06-01T14:00:00Z","2024-06-01T15:30:00Z",90], errors: []},
  '051': {timeline: [5,5], window: ["2024-01-10T07:00:00Z","2024-01-15T13:00:00Z",7200], errors: []},
  // 'September 11th, 2018 at midnight' (PST) starts it; no end is stated.
  '052': {timeline: [11,11], window: ["2018-09-11T08:00:00Z",null,null], errors: []},
  // 'under 3hrs' is a bound; the summary states no start or end (7:23 to 10:05 fits it).
  '053': {timeline: [7,7], window: [null,null,180], errors: []},
  // 'under 3hrs' is a bound; the summary states no start or end (7:23 to 10:05 fits it).
  '054': {timeline: [7,7], window: [null,null,180], errors: []},
  '055': {timeline: [8,8], window: ["2024-10-08T08:45:00Z","2024-10-08T10:10:00Z",null], errors: []},
  // 'From 6PM to 7PM GMT' has no date. The complaint at 5:50 PM is before the stated start (a warning).
  '056': {timeline: [8,8], window: ["18:00","19:00",null], errors: [], windowWarnings: [9]},
  '057': {timeline: [5,5], window: ["2023-11-10T20:00:00Z","2023-11-11T02:00:00Z",null], errors: []},
  '058': {timeline: [7,7], window: ["2023-08-05T09:00:00Z","2023-08-05T11:30:00Z",null], errors: []},
  '059': {timeline: [10,10], window: ["2024-01-24T15:00:00Z","2024-01-24T18:30:00Z",null], errors: []},
  '060': {timeline: [11,11], window: ["2024-05-10T10:00:00Z",null,null], errors: []},
  '061': {timeline: [11,11], window: ["2018-09-11T08:00:00Z",null,null], errors: []},
  '062': {timeline: [11,11], window: ["2024-06-20T14:00:00Z","2024-06-20T16:30:00Z",null], errors: []},
  '063': {timeline: [6,6], window: ["2024-05-12T05:00:00Z","2024-05-12T08:00:00Z",null], errors: []},
  // 'At about 4:50 PM GMT to 5:30 PM GMT' has no date; there is no timeline.
  '064': {timeline: [0,0], window: ["16:50","17:30",null], errors: []},
  '065': {timeline: [9,9], window: ["2015-02-24T20:21:00Z","2015-02-24T21:51:00Z",90], errors: []},
  // 'From 6PM to 7PM GMT' has no date. The complaint at 5:50 PM is before the stated start (a warning).
  '066': {timeline: [8,8], window: ["18:00","19:00",null], errors: [], windowWarnings: [10]},
  '067': {timeline: [11,11], window: ["2024-06-01T14:00:00Z","2024-06-01T16:00:00Z",null], errors: []},
  // The 5 phase lines under 'Detection:' (2 with a time: 10:30 AM, 1:45 PM) are the timeline's entries.
  '068': {timeline: [5,2], window: ["2023-10-14T10:30:00Z","2023-10-14T13:45:00Z",null], errors: []},
  '069': {timeline: [7,7], window: ["2024-08-18T07:00:00Z","2024-08-18T08:30:00Z",null], errors: []},
  '070': {timeline: [9,9], window: ["2022-02-05T08:55:00Z","2022-02-05T10:20:00Z",null], errors: []},
  // 'the infamous night of September 11th, 2018': a date, no start or end.
  '071': {timeline: [10,10], window: [null,null,null], errors: []},
  '072': {timeline: [0,0], window: [null,null,null], errors: []},
  // The summary states no window; the end is the timeline's 'Services are restored' (19:30 CDT).
  '073': {timeline: [9,9], window: [null,"2018-10-31T00:30:00Z",null], errors: []},
  // The start is the timeline's 'The issues started on Feb 12th at 3pm PST'; 'persisted for a week' is the duration.
  '074': {timeline: [9,9], window: ["2019-02-12T23:00:00Z",null,10080], errors: []},
  // The summary states no window; the end is the timeline's 'the incident is resolved' (22:30 PDT).
  '075': {timeline: [6,6], window: [null,"2019-07-22T05:30:00Z",null], errors: []},
  '076': {timeline: [0,0], window: [null,null,null], errors: []},
  // The summary states 66 minutes; OUTAGE BEGINS (14:54) and OUTAGE ENDS (16:00) in the timeline agree.
  '077': {timeline: [34,34], window: ["2015-10-21T14:54:00Z","2015-10-21T16:00:00Z",66], errors: []},
  '078': {timeline: [0,0], window: ["2025-07-30T21:27:00Z","2025-07-31T07:27:00Z",null], errors: []},
  '079': {timeline: [7,7], window: ["2021-01-24T03:31:00Z","2021-01-24T05:21:00Z",null], errors: []},
  '080': {timeline: [6,6], window: [null,null,null], errors: []},
  '081': {timeline: [7,7], window: [null,null,null], errors: []},
  // Model differs: a reader takes 3:00 PM to 5:01 PM Eastern (no date); the model reads only the end, since the 3:00 PM sentence says when the update was due.
  '082': {timeline: [8,8], window: [null,"17:01",null], errors: []},
  // 'about 1h50m' is stated; the end is the timeline's 'bringing the outage to an end' (15:25 PST); no start is marked.
  '083': {timeline: [6,6], window: [null,"2017-09-27T23:25:00Z",110], errors: []},
  '084': {timeline: [8,8], window: [null,null,null], errors: []},
  // The summary states no window; the end is the timeline's 'the problem is resolved' (16:35).
  '085': {timeline: [4,4], window: [null,"2018-02-23T00:35:00Z",null], errors: []},
  '086': {timeline: [4,4], window: [null,null,null], errors: []},
  '087': {timeline: [0,0], window: [null,null,null], errors: []},
  // The summary states no window; the end is the timeline's 'Service is restored' (9:58 PDT).
  '088': {timeline: [8,8], window: [null,"2021-06-03T16:58:00Z",null], errors: []},
  '089': {timeline: [14,14], window: [null,null,null], errors: []},
  // The summary states no window; the end is the timeline's 'Issue is resolved' (13:31 PDT).
  '090': {timeline: [8,8], window: [null,"2022-04-15T20:31:00Z",null], errors: []},
  '091': {timeline: [8,8], window: [null,null,null], errors: []},
  // The table's header gives the zone ('Date and Time in CET'); one row has the placeholder '--:--'.
  '201': {timeline: [14,13], window: [null,null,null], errors: []},
  '202': {timeline: [5,5], window: [null,null,null], errors: []},
  // Nine of the ten rows hold placeholder times.
  '203': {timeline: [10,1], window: [null,null,null], errors: []},
  // '2023-02-14 11:07' is listed after '11:08': one step back, one finding.
  '204': {timeline: [16,16], window: [null,"2023-02-14T11:08:00Z",null], errors: ["timeline-order"]},
  // The summary states both the website going down (2019-10-21 01:38) and builds failing since 2019-10-20 00:55; the model takes the earlier 'since' as the start.
  '205': {timeline: [13,13], window: ["2019-10-20T00:55:00Z",null,null], errors: []},
  // The 17 timed entries under the date headings; the start is the first report (21:28), the summary's only time. 'It took 1 hour and 31 minutes from the start of the incident to the deploy of the fix' is a note, not the stated duration.
  '206': {timeline: [17,17], window: ["2020-02-20T21:28:00Z",null,null], errors: []},
  // Between 12:17 and 12:30 UTC as stated; the lead-up on 2023-07-19 and the fix after 12:30 are context, not signs that the window is wrong.
  '207': {timeline: [16,16], window: ["2023-07-20T12:17:00Z","2023-07-20T12:30:00Z",13], errors: []},
  // 'On Monday, Oct 15, starting at approximately 20:00 UTC' (the year from the TOML title); 23:58 then 00:40 is the next day.
  '208': {timeline: [12,12], window: ["2018-10-15T20:00:00Z",null,null], errors: []},
  // 'an outage of unknown length bounded to at maximum 16 hours': the longest it can have lasted, from the timeline's first entry (2:54 PM PST, the PR merged) to the confirmed resolution (8:27 AM), is 17 h 33 min (16 h 59 min from the bad config upload at 3:28 PM, as the label reads it): the bound is too small.
  '216': {timeline: [11,11], window: [null,null,960], errors: ["duration-mismatch"]},
  // The Impact section states 2019-02-25 23:04 to 2019-02-26 08:12 (February), a month before every timeline entry (a warning at 74); the entries at 17:40 and 23:04 dated 03-26 come before the 02:50 report of the same day. 'At around 17:20 … we started upgrading the Prow clusters' (27) is the timeline's '[03-26 17:40] Kubernetes node upgrade is initiated'.
  // Model differs: the label's 'deployed at 10:04' (44) against the timeline's '08:10 … deploys a fixed Boskos' shares too few words with that entry to be linked to it.
  '217': {timeline: [10,10], window: ["2019-02-26T06:04:00Z","2019-02-26T15:12:00Z",null], errors: ["timeline-order"], windowWarnings: [27, 74]},
  // '[???]' is a placeholder; [23:55] then [07:00] is the next day.
  '218': {timeline: [11,10], window: [null,null,420], errors: []},
  '226': {timeline: [0,0], window: [null,null,null], errors: []},
  // Date-only rows date the rows after them; 15:50 then 14:30 on the same day is one step back.
  '302': {timeline: [26,23], window: [null,null,null], errors: ["timeline-order"]},
  // 'Time to detection: 7 hours' places the start at the roll-out of the bad AMI (2022-10-31 07:30), 7 h before the first sign (14:10 'Pipeline reports failure as it times out… We observe'); from there 'Time to recovery: 54 hours 10 minutes' ends at 13:40 on 11-02, an hour before the rollback 'had resolved the issue' (14:40).
  '303': {timeline: [20,20], window: [null,null,null], errors: ["duration-mismatch"]},
  // The label's order problem is a log line's timestamp (16:54:16Z) inside a fenced block under the 17:05 entry, not a timeline entry.
  '304': {timeline: [8,8], window: ["2025-09-29T16:58:00Z","2025-09-29T18:46:00Z",108], errors: []},
  // 'January 14-19, 2026' gives the year; 'persisted for an additional two days' is not the incident's length.
  '305': {timeline: [10,10], window: [null,null,null], errors: []},
  // The timeline section is a link to the status page (no entries); the window is stated in the summary.
  '306': {timeline: [0,0], window: ["2025-11-11T16:02:00Z","2025-11-14T15:02:00Z",null], errors: []},
  // The first row (22:40) comes before 22:06: one row out of place, one finding.
  '312': {timeline: [20,20], window: [null,null,null], errors: ["timeline-order"]},
  // The last entry ('August 1st 2022') has no time; 'all times PST' is in the timeline's heading.
  '313': {timeline: [16,15], window: [null,null,null], errors: []},
  '314': {timeline: [11,11], window: [null,null,null], errors: []},
  // The timeline gives no zone; 'Issue resolved.' after the last entry is its end marker.
  '315': {timeline: [4,4], window: [null,"2018-08-23T10:08",null], errors: []},
  '316': {timeline: [0,0], window: [null,null,null], errors: []},
  // Model differs from the labels' count: a status page's three tracked updates are read as the timeline (labels count none). The middle update (05:30 on the 14th) is out of place in the newest-first list.
  '319': {timeline: [3,3], window: ["2024-05-14T10:00","2024-05-15T17:50",null], errors: ["timeline-order"]},
  // Model differs from the labels' count: the two tracked updates are read as the timeline (labels count none); the last (02:08) is after resolvedWhen (02:00), a warning.
  '320': {timeline: [2,2], window: ["2026-03-24T23:55","2026-03-25T02:00",null], errors: [], windowWarnings: [46]},
  // The window is the front matter's date and resolvedWhen; the updates are not stamped.
  '323': {timeline: [0,0], window: ["2022-10-14T18:25:00Z","2022-10-15T07:50:10.046Z",null], errors: []},
  // The window is the timeline's 'Total impact duration: 5 hours 26 minutes (10:45 - 16:11 UTC)'. The label's duration problem is a remark in an action item ('almost two hours after mitigation'), not the stated duration.
  '325': {timeline: [8,8], window: ["2025-10-03T10:45:00Z","2025-10-03T16:11:00Z",326], errors: []},
};

const dir = join(FIXTURES, 'corpus');
const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();

describe('corpus', () => {
  it('has an expectation for every file', () => {
    expect(files.map((f) => f.slice(0, 3))).toEqual(Object.keys(OUTLINE).sort());
    expect(files.map((f) => f.slice(0, 3))).toEqual(Object.keys(TIME).sort());
  });

  it('checks every file without throwing and without an internal error', () => {
    for (const f of files) {
      const result = check(readFileSync(join(dir, f)), {}, f);
      expect(result.model, f).not.toBeNull();
      expect(result.findings.filter((x) => x.rule === 'readable-file'), f).toEqual([]);
    }
  });

  const errorRules = (result: ReturnType<typeof check>, timeRules: boolean) =>
    [...new Set(result.findings.filter((x) => x.severity === 'error' && TIME_RULES.has(x.rule) === timeRules).map((x) => x.rule))].sort();

  it.each(files)('%s outline', (f) => {
    const result = check(readFileSync(join(dir, f)), {}, f);
    const m = result.model!;
    expect({
      sections: m.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}`).join(' '),
      items: m.actionItems.map((a) => `${a.line}:${a.kind[0]}${a.done ? '!' : ''}`).join(' '),
      errors: errorRules(result, false),
    }).toEqual(OUTLINE[f.slice(0, 3)]);
  });

  it.each(files)('%s time', (f) => {
    const result = check(readFileSync(join(dir, f)), {}, f);
    const m = result.model!;
    const i = m.incident;
    // Window findings are warnings: their lines are listed where there are any.
    const windowWarnings = result.findings.filter((x) => x.rule === 'timeline-window').map((x) => x.line);
    expect({
      timeline: [m.timeline.length, m.timeline.filter((t) => t.time).length],
      window: [i.start?.time ?? null, i.end?.time ?? null, i.duration?.minutes ?? null],
      errors: errorRules(result, true),
      ...(windowWarnings.length > 0 ? { windowWarnings } : {}),
    }).toEqual(TIME[f.slice(0, 3)]);
  });
});

describe('corpus details a reviewer checks', () => {
  const read = (prefix: string) => {
    const f = files.find((x) => x.startsWith(prefix))!;
    return check(readFileSync(join(dir, f)), {}, f).model!;
  };

  it('077: OUTAGE BEGINS 14:54 to OUTAGE ENDS 16:00 is the 66 minutes the summary states', () => {
    const m = read('077');
    expect([m.incident.start?.line, m.incident.end?.line, m.incident.duration?.line]).toEqual([81, 111, 19]);
    expect(m.actionItems.map((a) => a.owner)).toEqual(['jennifer', 'martym', 'docbrown', 'jennifer', 'agoogler', 'agoogler', 'clarac', 'jennifer', 'docbrown']);
  });

  it('091: backslash separator lines are not entries; the date is the incident day, not "Last updated"', () => {
    const m = read('091');
    expect(m.timeline.map((t) => t.line)).toEqual([11, 13, 15, 17, 19, 21, 23, 25]);
    expect(m.timeline[0].time).toBe('2022-05-23T06:00');
  });

  it('074: the problem began on Feb 12th at 3pm PST, written inside a timeline entry', () => {
    expect(read('074').incident.start).toMatchObject({ time: '2019-02-12T23:00:00Z', line: 29 });
  });

  it('083 and 086: issue links written as Markdown links', () => {
    expect(read('083').actionItems.map((a) => a.issue)).toEqual([
      'https://github.com/jupyterhub/binderhub/issues/131',
      'https://github.com/jupyterhub/mybinder.org-deploy/issues/10',
      'https://github.com/jupyterhub/mybinder.org-deploy/issues/11',
      'https://github.com/jupyterhub/mybinder.org-deploy/issues/8',
      'https://github.com/jupyterhub/binderhub/issues/137',
    ]);
    expect(read('086').actionItems[6].issue).toBe('https://github.com/jupyterhub/mybinder.org-deploy/issues/1528');
  });

  it('073: @login owners', () => {
    expect(read('073').actionItems.map((a) => a.owner)).toEqual(['jsnshrmn', 'jsnshrmn']);
  });

  it('050: emoji bullets are not part of the title', () => {
    expect(read('050').actionItems[3].title).toBe('Patch wp-settings.php file to correct .phpp to .php.');
  });

  it('066: the sentence introducing the &nbsp;• items is not an item', () => {
    expect(read('066').actionItems.map((a) => a.line)).toEqual([25, 26]);
  });

  it('074 and 089: timelines cross midnight on their dated headings', () => {
    expect(read('074').timeline.slice(4, 6).map((t) => t.time)).toEqual(['2019-02-21T07:20:00Z', '2019-02-21T09:40:00Z']);
  });
});
