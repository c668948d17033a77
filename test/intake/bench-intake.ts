/**
 * Intake speed: full wage conversations, with and without a JSON save/load per turn.
 * Run: npx tsx test/intake/bench-intake.ts   (prints turns per second)
 */
import { intakeStateSchema, startIntake, stepIntake, type IntakeResult } from '../../src/intake/index.js';
import { fixedClock, intakeContext } from './helpers.js';

const ctx = intakeContext('zh-CN', fixedClock());
const FIRST = '站长两个月没给我结工资了，我们站十几个人都没发';
const SCRIPT = ['对', '美团众包', '深圳南山 科技园站', '三千五', '还在干', '有聊天截图', '是的', '138 1234 5678', '王师傅', '改一下金额', '八百多', '确认提交'];

/** One conversation; returns the number of turns it took. */
export function runConversation(saveEachTurn: boolean): number {
  let result: IntakeResult = startIntake({ text: FIRST }, ctx);
  for (const message of SCRIPT) {
    const state = saveEachTurn ? JSON.parse(JSON.stringify(result.state)) : result.state;
    result = stepIntake(state, { text: message }, ctx);
  }
  if (!result.draft) throw new Error('the scripted conversation did not finish');
  return SCRIPT.length + 1;
}

/** Turns per second over a time budget. */
export function measure(saveEachTurn: boolean, milliseconds: number): number {
  const started = performance.now();
  let turns = 0;
  while (performance.now() - started < milliseconds) turns += runConversation(saveEachTurn);
  return (turns / (performance.now() - started)) * 1000;
}

if (process.argv[1]?.endsWith('bench-intake.ts')) {
  for (let i = 0; i < 200; i++) runConversation(true);
  console.log(`stepIntake (incl. its own state check): ${Math.round(measure(false, 3000))} turns/s`);
  console.log(`plus a JSON save and load each turn: ${Math.round(measure(true, 3000))} turns/s`);
  const saved = JSON.stringify(startIntake({ text: FIRST }, ctx).state);
  const started = performance.now();
  let checks = 0;
  while (performance.now() - started < 1000) checks += intakeStateSchema.safeParse(JSON.parse(saved)).success ? 1 : 0;
  console.log(`intakeStateSchema load check: ${Math.round((checks / (performance.now() - started)) * 1000)} per s`);
}
