/** Topic cards on contracts, status, dismissal and leaving: the questions workers ask most. */
import type { GuideCard } from '../../retrieval/types.js';
import { defineCard, EVIDENCE, WHERE } from './define.js';

/** Contract and termination topic cards. */
export const CONTRACT_CARDS: GuideCard[] = [
  defineCard({
    id: 'no_written_contract',
    category: 'termination',
    title: ['没签劳动合同，能要双倍工资吗', 'No written contract: double wages?'],
    explanation: [
      '单位从你上班第一天起一个月内就该和你签书面合同。超过一个月不到一年没签，从第二个月起每个月应再多付一倍工资（最多算 11 个月）；满一年还没签，就当作已经签了无固定期限合同。',
      'The employer must sign a written contract within a month of your first day. From the second month up to one year without one, it owes you an extra month’s wage for each month (up to 11); after a full year, you are treated as having an open-ended contract.',
    ],
    next: [
      ['先证明你在这里干过活：工牌、排班、工资记录都算', 'First prove you worked there: badge, rosters, pay records all count'],
      ['算出从第二个月起没签合同的月数', 'Count the months without a contract from the second month'],
      ['一年时效内申请劳动仲裁要求二倍工资差额', 'Claim the double-wage difference by arbitration within the time limit'],
    ],
    evidence: [EVIDENCE.work, EVIDENCE.pay, EVIDENCE.chats, EVIDENCE.witnesses],
    where: [WHERE.union, WHERE.arbitration, WHERE.inspection],
    relies: '劳动合同法:10,14,82; 劳动合同法实施条例:6,7; 劳动合同法:7',
    keywords: '没签合同 没有合同 不签合同 没签劳动合同 双倍工资 两倍工资 二倍工资 未签合同 补签合同 口头约定 干了半年没合同',
  }),
  defineCard({
    id: 'labour_relation_status',
    category: 'termination',
    title: ['我算不算公司的员工（劳动关系）', 'Am I an employee? (labour relation)'],
    explanation: [
      '是不是劳动关系，看实际情况：谁安排你干活、谁管你考勤和奖惩、谁按月给你发钱、你的工作是不是它的业务。平台说是"合作关系"、让你注册个体户，不一定就不是劳动关系。这个问题常常需要调解员或仲裁来认定，不要轻易放弃。',
      'Whether you are an employee depends on the facts: who assigns and manages your work, who rewards and punishes you, who pays you regularly, and whether the work is its business. Being called a "partner" or made to register as self-employed does not settle it. This often needs a mediator or arbitration.',
    ],
    next: [
      ['收集能说明平台或站点在管你的材料', 'Collect proof that the platform or station manages you'],
      ['找工会调解员一起分析你的情况', 'Go through your situation with a union mediator'],
      ['需要时申请仲裁确认劳动关系', 'If needed, apply for arbitration to confirm the relation'],
    ],
    evidence: [EVIDENCE.work, EVIDENCE.pay, ['站长发的管理通知、奖惩规定', 'Management notices and reward or penalty rules'], EVIDENCE.chats],
    where: [WHERE.union, WHERE.arbitration],
    relies: '劳动合同法:7,10; 劳动争议调解仲裁法:2; 民法典:1192',
    keywords: '劳动关系 算员工吗 合作关系 众包 个体户 承揽 劳务关系 平台骑手 网约车司机 专送 众包骑手 挂靠 是不是员工 雇佣关系',
  }),
  defineCard({
    id: 'unlawful_dismissal',
    category: 'termination',
    title: ['被辞退、被开除', 'Dismissed or fired'],
    explanation: [
      '单位只能在法定情形下辞退你，比如试用期不符合录用条件、严重违反规章制度，或者提前 30 天通知（或多付一个月工资）的几种情形，而且要事先通知工会。怀孕、哺乳、工伤治疗期间等不能随便辞退。违法辞退，你可以要求恢复工作，或者要双倍经济补偿作为赔偿金。',
      'An employer may dismiss only on legal grounds, such as failing probation, a serious breach of rules, or a few cases with 30 days’ notice (or a month’s extra pay), and must tell the union first. Pregnant, nursing or injured workers have extra protection. After an unlawful dismissal you can ask to return or claim double severance as damages.',
    ],
    next: [
      ['要求书面辞退通知和理由，别签"自愿离职"', 'Ask for a written notice and reason; do not sign a "voluntary resignation"'],
      ['录音或截图保留对方说辞退的话', 'Record or screenshot what they said'],
      ['找工会调解，不成就申请仲裁', 'Ask the union to mediate, then arbitrate'],
    ],
    evidence: [['辞退通知、聊天记录、录音', 'Dismissal notice, chats, recordings'], EVIDENCE.contract, EVIDENCE.pay],
    where: [WHERE.union, WHERE.arbitration, WHERE.legalAid],
    relies: '劳动合同法:39,40,41,42,43,48,87; 最高人民法院关于审理劳动争议案件适用法律问题的解释（一）:44',
    keywords: '开除 辞退 炒鱿鱼 炒了 被裁 裁员 解雇 不让干了 明天不用来了 劝退 违法辞退 违法解除 赔偿金 2n',
  }),
  defineCard({
    id: 'severance',
    category: 'termination',
    title: ['离职能拿多少经济补偿', 'How much severance pay'],
    explanation: [
      '经济补偿按在本单位干的年数算：每满一年给一个月工资，六个月以上不满一年按一年，不满六个月给半个月。单位提出协商解除、单位因经营或你不能胜任等原因辞退、合同到期单位不续（不是你不愿续）、单位欠薪欠社保你被迫辞职等情形都要给。违法辞退是这个数的两倍。',
      'Severance is one month’s wage per full year of service, a year for six months or more, half a month for less. It is owed when the employer proposes ending the contract, dismisses for business or capability reasons, lets a fixed-term contract lapse (unless you refused to renew), or when you quit because it failed to pay wages or insurance. Unlawful dismissal doubles it.',
    ],
    next: [
      ['算清工作年限和离职前 12 个月平均工资', 'Work out your years of service and average pay over the last 12 months'],
      ['确认离职原因属于哪种情形', 'Confirm which reason applies to your leaving'],
      ['单位不给就申请仲裁', 'If the employer refuses, apply for arbitration'],
    ],
    evidence: [EVIDENCE.contract, EVIDENCE.pay, ['离职证明、辞退或协商记录', 'Leaving certificate, dismissal or negotiation records']],
    where: [WHERE.union, WHERE.arbitration],
    relies: '劳动合同法:46,47,87,36,38; 劳动合同法实施条例:27',
    keywords: '经济补偿 补偿金 n+1 赔偿 离职补偿 裁员补偿 遣散费 能赔多少 给多少补偿 工作年限 协商解除',
  }),
  defineCard({
    id: 'resignation',
    category: 'termination',
    title: ['我想辞职：要提前多久说', 'Quitting: how much notice'],
    explanation: [
      '你想走，提前 30 天书面通知就可以，试用期内提前 3 天。单位不用批准，也不能扣着工资不让走。如果单位欠薪、不交社保、不提供劳动保护，你可以马上解除合同，还能要经济补偿。',
      'To quit, give 30 days’ written notice, or 3 days in probation. No approval is needed and wages may not be withheld to stop you. If the employer owes wages, skips social insurance or fails to provide protection, you can leave at once and claim severance.',
    ],
    next: [
      ['写一份辞职通知，注明日期，发给单位并留底', 'Write a dated notice, send it and keep a copy'],
      ['做好工作交接，要求结清工资、开离职证明', 'Hand over your work and ask for final pay and a leaving certificate'],
      ['因单位过错辞职的，写明原因', 'If you leave because of the employer’s fault, say so in writing'],
    ],
    evidence: [['辞职通知及发送记录', 'Your notice and proof of sending'], EVIDENCE.pay, EVIDENCE.chats],
    where: [WHERE.union, WHERE.arbitration],
    relies: '劳动合同法:37,38,50; 劳动法:31,32; 工资支付暂行规定:9',
    keywords: '辞职 离职 不想干了 不干了 提前多久 辞工 提前30天 提前三天 走人 自离 离职证明 辞职不批',
  }),
  defineCard({
    id: 'probation',
    category: 'termination',
    title: ['试用期的规矩', 'Probation rules'],
    explanation: [
      '试用期长短跟合同期限挂钩：合同三个月到一年，最多一个月；一到三年，最多两个月；三年以上或无固定期限，最多六个月。同一单位只能约定一次。试用期工资不能低于约定工资的八成，也不能低于最低工资。试用期也算劳动关系，要签合同、交社保。',
      'Probation depends on contract length: up to one month for 3–12 months, two months for 1–3 years, six months for longer or open-ended contracts, and only once per employer. Pay must be at least 80% of the agreed wage and not below the minimum wage. Probation is still employment, with contract and insurance.',
    ],
    next: [
      ['对照合同期限算一下试用期是否超长', 'Check whether the probation is longer than allowed'],
      ['试用期被辞退，要求说明不符合录用条件的理由', 'If let go in probation, ask which hiring condition you failed'],
    ],
    evidence: [EVIDENCE.contract, EVIDENCE.pay],
    where: [WHERE.union, WHERE.inspection, WHERE.arbitration],
    relies: '劳动合同法:19,20,21,83; 劳动合同法实施条例:15',
    keywords: '试用期 实习期 试岗 转正 试用期工资 试用期辞退 试用期多久 试用期不交社保 考察期',
  }),
  defineCard({
    id: 'contract_expiry',
    category: 'termination',
    title: ['合同到期、续签和无固定期限合同', 'Contract ends, renewal and open-ended contracts'],
    explanation: [
      '合同到期单位不续签，要给经济补偿（单位维持或提高条件你不愿续的除外）。在同一单位干满十年，或者连续签过两次固定期限合同后再续签，你可以要求签无固定期限合同，单位不签要付二倍工资。到期后你继续干、单位没反对，视为按原条件继续。',
      'When a contract ends and the employer does not renew, severance is owed (unless you turned down equal or better terms). After ten years, or on renewal after two fixed terms, you may ask for an open-ended contract; refusing costs the employer double wages. Working on after expiry without objection continues the old terms.',
    ],
    next: [
      ['看清合同到期日和已签次数', 'Check the end date and how many times you have signed'],
      ['单位不续签，要求书面通知并结算补偿', 'If not renewed, ask for written notice and severance'],
    ],
    evidence: [EVIDENCE.contract, EVIDENCE.pay],
    where: [WHERE.union, WHERE.arbitration],
    relies: '劳动合同法:14,44,46,82; 最高人民法院关于审理劳动争议案件适用法律问题的解释（一）:34',
    keywords: '合同到期 不续签 续签 到期不续 无固定期限 签了两次 干满十年 终止合同 期满',
  }),
  defineCard({
    id: 'contract_change_transfer',
    category: 'termination',
    title: ['调岗、降薪、改合同', 'Job transfer, pay cut, changing the contract'],
    explanation: [
      '改变工作内容、地点、工资，要双方协商一致，并且用书面形式。单位单方面调岗降薪一般不合法；你可以不同意，也可以因此提出解除合同并主张补偿。',
      'Changing your job, place or pay needs both sides’ agreement in writing. A one-sided transfer or pay cut is usually unlawful; you can refuse, or end the contract for it and claim severance.',
    ],
    next: [
      ['不要随便签同意调岗降薪的文件', 'Do not sign consent to a transfer or pay cut lightly'],
      ['书面表明你的意见并留底', 'State your position in writing and keep it'],
    ],
    evidence: [['调岗降薪通知、工资变化记录', 'Transfer or pay-cut notice, pay records'], EVIDENCE.contract, EVIDENCE.chats],
    where: [WHERE.union, WHERE.arbitration],
    relies: '劳动合同法:35,40,38,46',
    keywords: '调岗 换岗 降薪 降工资 减工资 调到外地 搬迁 改合同 变更合同 换地方上班',
  }),
  defineCard({
    id: 'labour_dispatch',
    category: 'termination',
    title: ['劳务派遣和外包：谁负责', 'Agency work and outsourcing: who is responsible'],
    explanation: [
      '派遣公司是你的用人单位，要和你签合同、发工资、交社保；实际用你的单位（用工单位）要提供劳动条件，同工同酬。派遣只能用在临时、辅助或替代岗位。出了问题，派遣公司和用工单位都可能要承担责任。',
      'The agency is your employer and must sign, pay and insure you; the company where you work must provide conditions and equal pay. Agency work is only for temporary, auxiliary or substitute posts. Both may be liable when things go wrong.',
    ],
    next: [
      ['弄清合同上是哪家公司、工资是谁发的', 'Find out which company is on the contract and who pays'],
      ['把两家公司的名字都记下来', 'Write down the names of both companies'],
      ['维权时可以把两家一起列上', 'You can name both when you claim'],
    ],
    evidence: [EVIDENCE.contract, EVIDENCE.pay, EVIDENCE.work],
    where: [WHERE.union, WHERE.arbitration, WHERE.inspection],
    relies: '劳动合同法:58,62,63,65,66,92',
    keywords: '派遣 劳务派遣 外包 劳务公司 人力公司 第三方公司 外包公司 派遣工 用工单位 同工同酬 中介',
  }),
  defineCard({
    id: 'non_compete',
    category: 'termination',
    title: ['竞业限制和违约金', 'Non-compete and penalty clauses'],
    explanation: [
      '竞业限制只能约束高管、高级技术人员和负有保密义务的人，最长两年，离职后单位要按月给补偿。普通骑手、司机一般不该被竞业限制。除了违反服务期（单位出钱专门培训）和竞业限制，单位不能和你约定违约金。',
      'Non-compete clauses apply only to senior managers, senior technical staff and people bound by confidentiality, for at most two years, with monthly compensation. Ordinary riders and drivers should not be bound. Apart from paid training service periods and non-compete, no penalty may be agreed against a worker.',
    ],
    next: [
      ['看合同里竞业和违约金条款的原文', 'Read the non-compete and penalty clauses'],
      ['单位要你赔违约金时，先找工会问清楚', 'If asked to pay a penalty, ask the union first'],
    ],
    evidence: [EVIDENCE.contract, ['培训费用凭证（如有）', 'Training cost receipts, if any']],
    where: [WHERE.union, WHERE.arbitration],
    relies: '劳动合同法:22,23,24,25,90',
    keywords: '竞业 竞业限制 违约金 不让去同行 跳槽 赔钱 培训协议 服务期 离职赔钱',
  }),
  defineCard({
    id: 'id_card_deposit',
    category: 'deductions',
    title: ['扣身份证、收押金', 'Withheld ID card or deposits'],
    explanation: [
      '招人时，单位不能扣你的身份证和其他证件，也不能让你交押金、保证金、担保或者以任何名义收钱（包括装备押金、服装费）。扣了的，劳动部门会责令退还并处罚。',
      'An employer may not keep your ID card or other documents, or take a deposit, guarantee or any other payment from you, including gear deposits or uniform fees. Labour authorities will order it returned and fine the employer.',
    ],
    next: [
      ['要求当面退还证件或押金，留下聊天记录', 'Ask for the document or deposit back and keep the chat'],
      ['不退就向劳动监察投诉，或打 12351', 'If refused, complain to labour inspection or call 12351'],
    ],
    evidence: [['交押金的收据、转账记录', 'Receipts or transfers for the deposit'], EVIDENCE.chats],
    where: [WHERE.inspection, WHERE.union],
    relies: '劳动合同法:9,84',
    keywords: '扣身份证 押身份证 身份证被扣 扣证件 押金 保证金 交押金 装备押金 服装费 退押金 押金不退 收钱',
  }),
];
