/** Topic cards on resolving disputes and on the union itself. */
import type { GuideCard } from '../../retrieval/types.js';
import { defineCard, EVIDENCE, WHERE } from './define.js';

/** Dispute-resolution and union topic cards. */
export const DISPUTE_CARDS: GuideCard[] = [
  defineCard({
    id: 'arbitration_time_cost',
    category: 'other',
    title: ['劳动仲裁：多久内申请、要不要钱', 'Labour arbitration: time limit and cost'],
    explanation: [
      '申请劳动仲裁的时效是一年，从你知道或应当知道权利受侵害那天算；在职期间被拖欠工资的，从离职那天起算。劳动仲裁不收费。提交书面申请书，仲裁委一般 5 天内决定是否受理，45 天左右结案。对裁决不服，15 天内可以向法院起诉。',
      'You must apply within one year of knowing (or when you should have known) of the harm; for wages owed while still employed, the year runs from when you leave. Arbitration is free. File a written application; the committee decides within 5 days whether to accept and usually rules within 45 days. You may sue within 15 days if you disagree.',
    ],
    next: [
      ['算清楚时效，不要拖', 'Check the deadline and do not wait'],
      ['写仲裁申请书：你的信息、单位名称、要求和理由', 'Write the application: your details, the employer, your claims and reasons'],
      ['带上证据复印件到用人单位所在地或合同履行地的仲裁委', 'Bring copies of evidence to the committee where the employer is or where you worked'],
    ],
    evidence: [EVIDENCE.contract, EVIDENCE.pay, EVIDENCE.work, EVIDENCE.chats],
    where: [WHERE.arbitration, WHERE.union, WHERE.legalAid],
    relies: '劳动争议调解仲裁法:27,53,5,28,29,43,48,50',
    keywords: '仲裁 劳动仲裁 申请仲裁 仲裁时效 多久 过期 超过一年 仲裁要钱吗 仲裁费 收费 起诉 打官司 告公司 仲裁书',
  }),
  defineCard({
    id: 'evidence_held_by_employer',
    category: 'other',
    title: ['证据在公司手里怎么办', 'Evidence held by the employer'],
    explanation: [
      '谁主张谁举证，但跟争议有关、由单位掌握管理的证据（考勤、工资台账、系统接单记录等），单位应当提供；不提供就要承担不利后果。因单位辞退、减少工资、计算工龄等决定发生的争议，由单位负举证责任。',
      'Each side proves its own claims, but evidence the employer holds and manages (attendance, payroll, dispatch records) must be produced by it, or it bears the consequences. In disputes over dismissal, pay cuts or length of service, the employer carries the burden of proof.',
    ],
    next: [
      ['把你手上能拿到的先截图保存', 'Screenshot everything you can access now'],
      ['仲裁时申请要求单位提供它掌握的记录', 'In arbitration, ask that the employer be ordered to produce its records'],
    ],
    evidence: [EVIDENCE.work, EVIDENCE.pay, EVIDENCE.chats, EVIDENCE.witnesses],
    where: [WHERE.arbitration, WHERE.union],
    relies: '劳动争议调解仲裁法:6,39; 最高人民法院关于审理劳动争议案件适用法律问题的解释（一）:42,44',
    keywords: '证据 没证据 举证 考勤记录 打卡记录 公司不给 证据在公司 怎么证明 拿不到证据 系统记录 聊天记录算证据吗',
  }),
  defineCard({
    id: 'mediation',
    category: 'other',
    title: ['调解：先试试工会调解', 'Mediation: try the union first'],
    explanation: [
      '发生纠纷，可以自己或请工会一起和单位协商，也可以到企业调解委员会、人民调解组织或乡镇街道的调解组织调解。调解协议签字盖章后对双方有约束力，对方不履行还可以申请仲裁。',
      'You can negotiate with the employer yourself or with the union, or go to an enterprise, people’s or local mediation body. A signed mediation agreement binds both sides; if it is not honoured you can still arbitrate.',
    ],
    next: [
      ['在这里登记诉求，工会调解员会联系你', 'Register here and a union mediator will contact you'],
      ['调解达成的协议要写清金额和日期', 'Make sure the agreement states amounts and dates'],
    ],
    evidence: [EVIDENCE.contract, EVIDENCE.pay, EVIDENCE.chats],
    where: [WHERE.union],
    relies: '劳动争议调解仲裁法:4,5,10,14',
    keywords: '调解 协商 和解 工会调解 调解员 私了 谈判 协调',
  }),
  defineCard({
    id: 'labour_inspection',
    category: 'other',
    title: ['向劳动监察投诉、举报', 'Complaining to labour inspection'],
    explanation: [
      '你认为单位侵犯了你的劳动权益，可以向劳动保障行政部门（劳动监察）投诉，任何人都可以举报违法行为，监察部门要为举报人保密。欠薪、不签合同、超时加班、扣证件、不交社保都在监察范围内。违法行为两年内没被发现也没人投诉的，就不再查处，所以要及时。',
      'If you think the employer violated your rights, you can complain to labour inspection; anyone may report violations and reporters are kept confidential. Unpaid wages, no contract, excessive overtime, withheld documents and unpaid insurance are all covered. Violations not reported within two years are no longer pursued, so act promptly.',
    ],
    next: [
      ['打 12333 或到当地劳动监察大队投诉', 'Call 12333 or visit the local labour inspection office'],
      ['写清单位名称、地址、问题和证据', 'State the employer’s name, address, problem and evidence'],
    ],
    evidence: [EVIDENCE.contract, EVIDENCE.pay, EVIDENCE.work],
    where: [WHERE.inspection, WHERE.hrss],
    relies: '劳动保障监察条例:9,11,20,26; 劳动争议调解仲裁法:9',
    keywords: '投诉 举报 劳动监察 劳动局 12333 监察大队 去哪投诉 怎么投诉',
  }),
  defineCard({
    id: 'union_membership',
    category: 'suggestion',
    title: ['加入工会', 'Joining the union'],
    explanation: [
      '以工资收入为主要生活来源的劳动者，不分职业，都有权参加和组织工会，任何组织和个人不得阻挠。骑手、快递员、网约车司机等新就业形态劳动者也可以入会，工会提供维权、驿站、保险等服务。',
      'Anyone whose main income is wages has the right to join and form a union, whatever the job, and no one may obstruct it. Riders, couriers and ride-hailing drivers can join too; unions offer help with rights, rest stations and insurance.',
    ],
    next: [['通过工会公众号或驿站申请入会，或打 12351 咨询', 'Apply through the union account or a station, or call 12351']],
    evidence: [['身份证明（入会时按要求提供）', 'ID when applying, as requested']],
    where: [WHERE.union],
    relies: '工会法:3,6; 劳动法:7',
    keywords: '工会 入会 加入工会 工会会员 怎么入会 工会有什么用 骑手入会',
  }),
  defineCard({
    id: 'retirement_age_workers',
    category: 'termination',
    title: ['到了退休年龄还在干活', 'Working past retirement age'],
    explanation: [
      '达到法定退休年龄或开始领养老金，劳动合同就终止。已经领养老金的人再被雇用，一般按劳务关系处理，不是劳动关系，但干了活照样要拿到报酬。',
      'A labour contract ends at the statutory retirement age or when you start drawing a pension. People already drawing a pension who work again are usually in a service relation, not employment, but must still be paid for their work.',
    ],
    next: [['保留工作和报酬的记录', 'Keep records of your work and pay']],
    evidence: [EVIDENCE.pay, EVIDENCE.work],
    where: [WHERE.union, WHERE.hrss],
    relies: '劳动合同法:44; 劳动合同法实施条例:21; 最高人民法院关于审理劳动争议案件适用法律问题的解释（一）:32; 社会保险法:16',
    keywords: '退休 退休年龄 超龄 60岁 50岁 返聘 领养老金 退休了还干活',
  }),
  defineCard({
    id: 'unemployment',
    category: 'social_insurance',
    title: ['失业了能领失业金吗', 'Unemployment benefit'],
    explanation: [
      '失业前单位和你一起交失业保险满一年、不是你自己主动辞职、已经办了失业登记并有求职要求的，可以领失业保险金。交得越久能领越久，最长 24 个月。单位要及时出具解除劳动关系的证明。',
      'If you and the employer paid unemployment insurance for at least a year, you did not leave voluntarily, and you registered as unemployed and seek work, you can draw unemployment benefit, longer the longer you paid, up to 24 months. The employer must promptly issue proof of termination.',
    ],
    next: [['拿离职证明到社保经办机构登记', 'Take your leaving certificate to the social insurance agency']],
    evidence: [['离职证明、社保记录', 'Leaving certificate and insurance record']],
    where: [WHERE.hrss, WHERE.socialInsurance],
    relies: '社会保险法:44,45,46,50',
    keywords: '失业 失业金 失业保险 被裁了能领钱吗 失业补助',
  }),
  defineCard({
    id: 'personal_information',
    category: 'platform_rules',
    title: ['平台收集我的个人信息', 'Platforms collecting my personal data'],
    explanation: [
      '处理你的个人信息一般要经过你同意；人脸、定位、健康等敏感信息要单独同意，只能为特定目的、在必要范围内收集。你可以查阅、更正、删除自己的信息。',
      'Your personal data generally needs your consent; sensitive data such as face, location and health needs separate consent and may be collected only as needed for a specific purpose. You may view, correct and delete your data.',
    ],
    next: [['在 App 设置里查看授权，保留截图', 'Check the permissions in the app and keep screenshots']],
    evidence: [['授权页面、隐私政策截图', 'Screenshots of permissions and the privacy policy']],
    where: [WHERE.union],
    relies: '个人信息保护法:13,28,29',
    keywords: '个人信息 人脸识别 刷脸 定位 隐私 泄露 手机号 身份证号 监控',
  }),
];
