/** One guide card for every grievance category in the domain brief (core/types CATEGORIES). */
import type { GuideCard } from '../../retrieval/types.js';
import { defineCard, EVIDENCE, WHERE } from './define.js';

/** Category cards, one per grievance category. */
export const CATEGORY_CARDS: GuideCard[] = [
  defineCard({
    id: 'wages',
    category: 'wages',
    title: ['工资被拖欠、不发工资', 'Unpaid or withheld wages'],
    explanation: [
      '干了活就该按时拿到全部工资。老板拖着不发、只发一部分、找理由不结，都不合法。包工头或外包老板跑了，上一级的总包或发包方也可能要先替他付。',
      'Work done must be paid in full and on time. Delaying, paying part, or finding excuses not to pay is unlawful. If a subcontractor boss disappears, the main contractor may have to pay first.',
    ],
    next: [
      ['先把欠了多少、哪几个月算清楚，写下来', 'Work out how much and for which months, and write it down'],
      ['用微信或短信向老板要一次工资，留下记录', 'Ask the boss for the money once in writing (WeChat or text) and keep it'],
      ['不给就打 12351 找工会，或向劳动监察投诉', 'If still unpaid, call the union (12351) or complain to labour inspection'],
      ['也可以申请劳动仲裁，一年内提出', 'You can also apply for arbitration, within one year'],
    ],
    evidence: [EVIDENCE.pay, EVIDENCE.work, EVIDENCE.chats, ['欠条、结算单或老板承认欠钱的话', 'IOUs, settlement sheets, or the boss admitting the debt']],
    where: [WHERE.union, WHERE.inspection, WHERE.arbitration],
    relies: '劳动合同法:30,85; 劳动法:50,91; 工资支付暂行规定:7,9,18; 保障农民工工资支付条例:3,16,30; 劳动争议调解仲裁法:9,27; 劳动保障监察条例:26',
    keywords: '不发工资 欠薪 拖欠工资 欠工资 不结钱 压工资 工资没发 讨薪 老板跑路 包工头跑了 失联 结不到钱 拿不到钱 工钱 劳务费 少发',
  }),
  defineCard({
    id: 'injury',
    category: 'injury',
    title: ['送单、上班时受伤', 'Injured while working or delivering'],
    explanation: [
      '在工作时间、工作地点因为工作受伤，或者上下班路上遇到不是你主要责任的交通事故，一般可以认定工伤。先治伤，再申请工伤认定，单位 30 天内不申请的，你自己或家人一年内可以申请。',
      'An injury at work, at the workplace and because of work, or a commuting traffic accident that was not mainly your fault, can usually be recognised as a work injury. Get treatment first; if the employer does not apply within 30 days, you or your family may apply within one year.',
    ],
    next: [
      ['先去医院，保留病历和所有票据', 'Go to hospital first and keep records and receipts'],
      ['马上告诉站长或单位，最好用文字留下记录', 'Tell the station or employer at once, preferably in writing'],
      ['交通事故要报警，拿到事故认定书', 'Report traffic accidents to the police and get the accident report'],
      ['单位不申请，自己去社保部门申请工伤认定（一年内）', 'If the employer will not apply, apply yourself within one year'],
    ],
    evidence: [['病历、诊断证明、医药费票据', 'Medical records, diagnosis, bills'], ['交警事故认定书、现场照片', 'Police accident report, photos of the scene'], EVIDENCE.work, EVIDENCE.chats],
    where: [WHERE.union, WHERE.socialInsurance, WHERE.hrss, WHERE.arbitration],
    relies: '工伤保险条例:14,15,16,17,18,30,33; 社会保险法:41',
    keywords: '受伤 摔伤 被撞 车祸 骨折 工伤 出事 意外 送单受伤 跑单摔了 医药费 住院 伤残 工伤认定 算工伤',
  }),
  defineCard({
    id: 'deductions',
    category: 'deductions',
    title: ['被罚款、扣钱、封号', 'Fines, deductions, account suspension'],
    explanation: [
      '单位不能随便克扣工资。罚款、扣钱要有合法、公示过的规章制度做依据，而且就算你造成损失要赔，每月扣的也不能超过当月工资的 20%，扣完还不能低于最低工资。封号、停单等处理也要按公示的规则来，可以申诉。',
      'An employer may not simply dock pay. Fines need lawful, published rules; even for damage you caused, no more than 20% of a month’s pay may be deducted and what is left may not fall below the minimum wage. Suspensions must follow published rules and can be appealed.',
    ],
    next: [
      ['截图保存罚款、扣款、封号的通知和原因', 'Screenshot every fine, deduction or suspension notice and its reason'],
      ['要求站点或平台拿出依据的规则，并在 App 内申诉', 'Ask for the rule it is based on and appeal in the app'],
      ['扣得多、没依据，找工会 12351 或劳动监察', 'If it is large or baseless, contact the union or labour inspection'],
    ],
    evidence: [['罚单、扣款明细、申诉记录截图', 'Screenshots of fines, deduction details and appeals'], EVIDENCE.pay, ['平台或站点公布的规则', 'The rules the platform or station published']],
    where: [WHERE.union, WHERE.inspection, WHERE.arbitration],
    relies: '工资支付暂行规定:15,16; 劳动法:50; 劳动合同法:4; 最低工资规定:12',
    keywords: '罚款 罚钱 被罚 扣钱 扣款 扣工资 克扣 封号 停号 超时罚 差评罚款 扣押金 扣分',
  }),
  defineCard({
    id: 'termination',
    category: 'termination',
    title: ['合同、辞退和到底谁是老板', 'Contracts, dismissal and who the employer is'],
    explanation: [
      '从开始干活那天起，你和单位就建立了劳动关系，单位一个月内要和你签书面合同。单位辞退你要有法定理由，违法辞退要付双倍的经济补偿。外包、派遣、"合作关系"层层转包时，要先弄清谁给你派活、发钱、管你，这关系到找谁负责。',
      'A labour relation starts on your first day of work, and the employer must sign a written contract within a month. Dismissal needs a lawful reason; unlawful dismissal costs double severance. In outsourcing chains, first find out who assigns, pays and manages you.',
    ],
    next: [
      ['弄清合同是和哪家公司签的、工资是谁发的', 'Find out which company signed with you and who pays you'],
      ['被辞退时要求对方书面说明理由，不要随便签"自愿离职"', 'Ask for the reason in writing; do not sign a "voluntary resignation"'],
      ['算一算工作年限，看能拿多少补偿', 'Count your years of service to estimate compensation'],
      ['协商不成就申请劳动仲裁', 'If talks fail, apply for arbitration'],
    ],
    evidence: [EVIDENCE.contract, EVIDENCE.work, EVIDENCE.pay, ['辞退通知、聊天记录、录音', 'Dismissal notice, chats, recordings']],
    where: [WHERE.union, WHERE.arbitration, WHERE.legalAid],
    relies: '劳动合同法:7,10,39,40,46,47,48,87; 劳动争议调解仲裁法:2',
    keywords: '开除 辞退 炒了 被裁 不让干了 合同 没签合同 外包 派遣 合作关系 谁是老板 劳动关系 赔偿 补偿 解除合同',
  }),
  defineCard({
    id: 'social_insurance',
    category: 'social_insurance',
    title: ['社保没交、断缴', 'Social insurance not paid'],
    explanation: [
      '有劳动关系的，单位必须给你交社保（养老、医疗、失业、工伤、生育），从用工起 30 天内办登记。"自愿放弃社保"的约定不能免除单位的责任。单位不交，可以要求补缴，也可以因此解除合同并要经济补偿。',
      'In a labour relation the employer must pay your social insurance and register you within 30 days. A "voluntary waiver" does not free the employer. You can demand back payment, or quit for this reason and claim severance.',
    ],
    next: [
      ['在社保 App、支付宝或 12333 查缴费记录', 'Check your contribution record in the social insurance app or via 12333'],
      ['发现没交或少交，先书面要求单位补缴', 'If unpaid, ask the employer in writing to pay'],
      ['向社保征收机构或劳动监察投诉', 'Complain to the social insurance collector or labour inspection'],
    ],
    evidence: [['社保缴费记录截图', 'Screenshot of your contribution record'], EVIDENCE.contract, EVIDENCE.pay],
    where: [WHERE.hrss, WHERE.socialInsurance, WHERE.inspection, WHERE.union],
    relies: '社会保险法:4,58,60,63,84,86; 劳动法:72; 劳动合同法:38',
    keywords: '社保 没交社保 不交社保 断缴 五险一金 养老保险 医保 补缴 放弃社保 不买社保 社保没买',
  }),
  defineCard({
    id: 'conditions',
    category: 'conditions',
    title: ['工作条件：休息、停车、充电、高温、厕所', 'Working conditions: rest, parking, charging, heat, toilets'],
    explanation: [
      '单位要提供安全卫生的工作条件和必要的防护用品，女职工的生理卫生需要也要照顾。停车难、充电难、进小区难、没地方休息、天太热太冷，这些工会都在推动解决，可以反映给工会，集中起来和平台、物业协商。遇到危险可以拒绝冒险作业。',
      'The employer must provide safe, healthy conditions and protective gear, and care for women workers’ needs. Parking, charging, access to compounds, rest places and heat or cold are issues the union takes up with platforms and property managers. You may refuse unsafe orders.',
    ],
    next: [
      ['拍下具体地点和情况（哪个小区、哪条路、几点）', 'Photograph the place and the problem (which compound, street, time)'],
      ['通过本机器人登记诉求，工会汇总后去协调', 'Register it here; the union collects cases and coordinates'],
      ['有人受伤或危险紧急时先打 110/120', 'In an emergency call 110/120 first'],
    ],
    evidence: [['现场照片、视频、位置', 'Photos, video and location'], EVIDENCE.chats],
    where: [WHERE.union],
    relies: '劳动法:52,54; 安全生产法:53,54,55; 女职工劳动保护特别规定:10',
    keywords: '停车 停车难 充电 充电桩 进小区 进不去小区 休息 没地方休息 厕所 高温 太热 中暑 下雨 寒冷 防护 安全 驿站',
  }),
  defineCard({
    id: 'platform_rules',
    category: 'platform_rules',
    title: ['平台规则：派单、算法、时限、申诉', 'Platform rules: dispatch, algorithms, time limits, appeals'],
    explanation: [
      '涉及工资、工时、休息、奖惩、劳动定额的规则，按法律要和工会或职工代表商量，并且要公示。派单、定价、配送时限等规则如果太苛刻，个人可以申诉，工会也可以集中大家的意见和平台集体协商。',
      'Rules on pay, hours, rest, penalties and quotas must by law be discussed with the union or worker representatives and published. If dispatch, pricing or time-limit rules are too harsh, you can appeal, and the union can raise them collectively with the platform.',
    ],
    next: [
      ['记下具体哪条规则、什么时候变的、对收入的影响', 'Note which rule, when it changed and how it affects your income'],
      ['在 App 内申诉并截图', 'Appeal in the app and screenshot it'],
      ['登记诉求，同样问题多的会成为集体协商的议题', 'Register it; common problems become topics for collective talks'],
    ],
    evidence: [['规则变动的通知、公告截图', 'Screenshots of rule changes'], EVIDENCE.pay, ['申诉记录', 'Appeal records']],
    where: [WHERE.union],
    relies: '劳动合同法:4,51; 工会法:6,21',
    keywords: '平台规则 派单 算法 抽成 单价 配送费 每单 配送时限 超时 申诉 系统 规则变了 降价 集体协商 平台',
  }),
  defineCard({
    id: 'suggestion',
    category: 'suggestion',
    title: ['给工会提建议', 'Suggestions for the union'],
    explanation: [
      '哪里需要建驿站、充电桩、休息点，工会服务哪里不好，都欢迎说。建议会被记录，工会定期汇总处理并反馈。维护职工权益、为职工服务是工会的职责。',
      'Tell us where a rest station or charging point is needed or what the union could do better. Suggestions are recorded, reviewed and answered. Serving workers is the union’s job.',
    ],
    next: [
      ['说清楚地点和建议内容', 'Say where and what you suggest'],
      ['在这里登记，会有编号方便查进度', 'Register it here and get a number to follow it'],
    ],
    evidence: [['照片或位置（如有）', 'Photos or location, if any']],
    where: [WHERE.union],
    relies: '工会法:6',
    keywords: '建议 意见 希望 建个驿站 能不能建 工会服务 提议',
  }),
  defineCard({
    id: 'other',
    category: 'other',
    title: ['其他劳动问题：先协商，再调解、仲裁', 'Other labour problems: talk, mediate, then arbitrate'],
    explanation: [
      '和单位有纠纷，可以先协商；不成可以找工会或调解组织调解；再不成申请劳动仲裁，仲裁不收费，要在知道权利受侵害起一年内提出；对裁决不服可以去法院。也可以向劳动监察投诉。',
      'In a dispute you can first talk, then mediate through the union, then apply for arbitration (free, within one year of learning of the harm), then go to court. You may also complain to labour inspection.',
    ],
    next: [
      ['把事情经过按时间写下来', 'Write down what happened in order'],
      ['整理证据，拍照留底', 'Collect and photograph evidence'],
      ['找工会 12351 咨询和调解', 'Ask the union (12351) for advice and mediation'],
    ],
    evidence: [EVIDENCE.contract, EVIDENCE.pay, EVIDENCE.chats, EVIDENCE.witnesses],
    where: [WHERE.union, WHERE.arbitration, WHERE.inspection, WHERE.legalAid],
    relies: '劳动争议调解仲裁法:4,5,27,53; 劳动保障监察条例:9',
    keywords: '纠纷 维权 投诉 找谁 怎么维权 去哪里告 劳动局 调解 告公司',
  }),
];
