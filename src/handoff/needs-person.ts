/**
 * Cases that always need a person, whatever tier intake gave them: an injury
 * treated in hospital, a worker's death, several workers unpaid together, violence. Intake's
 * fact names are read tolerantly (several spellings) so a renamed slot does
 * not silently stop the escalation; the summary is checked as a fallback.
 */
import type { CaseRecord } from '../cases/model.js';

const YES = new Set([true, 'yes', 'true', '是', '有', '住院', 'hospital', 'hospitalised', 'hospitalized']);
const HOSPITAL_WORDS = /住院|急诊|送医|医院|骨折|手术|hospital|surgery|fracture/i;
const VIOLENCE_WORDS = /打人|被打|殴打|动手|威胁|暴力|持刀|beaten|assault|violence|threaten/i;
const DEATH_WORDS = /去世|身亡|死亡|遇难|过世|离世|没抢救过来|died|killed|death of/i;
const MANY_WORDS = /(好几|几十|多)(个|名|位)?(人|骑手|兄弟|同事|工友)|大家都|全站|整个站|集体|一起被欠|whole team|several (of us|workers|riders)/i;

function yes(value: unknown): boolean {
  return YES.has(value as never) || (typeof value === 'string' && YES.has(value.trim().toLowerCase() as never));
}

function count(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const n = Number.parseInt(value, 10);
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

/** Why this case needs a person now (the handoff reason), or undefined. */
export function personNeededReason(record: CaseRecord): 'death' | 'injury_hospital' | 'collective' | 'violence' | undefined {
  const f = record.facts ?? {};
  const text = `${record.summary ?? ''} ${typeof f.description === 'string' ? f.description : ''}`;
  if (yes(f.death) || yes(f.died) || (record.category === 'injury' && DEATH_WORDS.test(text))) return 'death';
  if (yes(f.violence) || VIOLENCE_WORDS.test(text)) return 'violence';
  if (record.category === 'injury' && (yes(f.hospital) || yes(f.hospitalised) || yes(f.treatment) || HOSPITAL_WORDS.test(text))) {
    return 'injury_hospital';
  }
  const affected = Math.max(count(f.affectedWorkers), count(f.workersAffected), count(f.headcount), count(f.peopleAffected));
  if (record.category === 'wages' && (affected > 1 || yes(f.collective) || MANY_WORDS.test(text))) return 'collective';
  return undefined;
}
