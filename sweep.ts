import { openKnowledgeBase } from './src/kb/knowledge-base.js';
import { createQaService } from './src/qa/service.js';
const kb = await openKnowledgeBase({ dataDir: '/tmp/gy-eval' });
const qa = createQaService({ retriever: kb.retriever, cards: kb.cards });
const qs = ['站长说我们是外包的 出事了不归平台管', '每单配送费被降了两块钱 能投诉吗', '下雨天送餐超时被扣钱', '过年期间跑单有没有三倍工资', '辞职了最后一个月工资不给结', '离职要提前三十天说吗', '试用期可以不交社保吗', '站长要我交500装备押金', '跑单员有没有工伤保险', '公司让我签自愿放弃社保的协议', '做满半年被辞退有补偿吗', '被客户打了 平台还罚我', '夜里跑单被抢劫了算工伤吗', '我58岁了还能跑外卖吗 受伤了怎么办', '电动车电池爆炸烧伤了', '平台派单让我闯红灯 出了事谁负责', '怀孕了被平台封号', '我的个人信息被站长泄露了', '加入工会要交钱吗', '工资低于最低工资标准怎么办'];
for (const q of qs) {
  const a = await qa.answer(q, { locale: 'zh-CN' });
  const lines = a.text.split('\n');
  const head = lines[0].startsWith('这个问题我不太有把握') ? '(unsure) ' + (lines.find((l) => l.startsWith('【')) ?? '') : lines[0];
  console.log(`${q} => ${head} ${a.confidence} ${a.handoffReason ?? ''} | ${(lines.find((l) => l.startsWith('依据')) ?? '').slice(0, 34)}`);
}
await kb.close();
