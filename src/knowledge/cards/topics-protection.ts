/** Topic cards on injuries, health, social insurance and special protection. */
import type { GuideCard } from '../../retrieval/types.js';
import { defineCard, EVIDENCE, WHERE } from './define.js';

/** Injury, health and insurance topic cards. */
export const PROTECTION_CARDS: GuideCard[] = [
  defineCard({
    id: 'commuting_accident',
    category: 'injury',
    title: ['上下班路上出车祸算工伤吗', 'Commuting accidents'],
    explanation: [
      '上班或下班的路上出了车祸（包括坐地铁、轮渡、火车出事），只要交警认定你不是主要责任，一般要认定为工伤。关键看两点：事故责任怎么划分，以及当时是不是在合理的时间、走合理的路线上下班。',
      'An injury on the way to or from work in a traffic accident (or urban rail, ferry or train accident) in which you were not mainly at fault counts as a work injury. What matters is the police finding of fault and a reasonable time and route.',
    ],
    next: [
      ['当场报警，拿到交通事故认定书', 'Call the police at once and get the accident report'],
      ['记下时间、地点，说明是上班或下班路上', 'Note the time and place and that you were commuting'],
      ['一年内申请工伤认定', 'Apply for work-injury recognition within one year'],
    ],
    evidence: [['交通事故认定书', 'Traffic accident report'], ['病历和票据', 'Medical records and bills'], EVIDENCE.work],
    where: [WHERE.socialInsurance, WHERE.union],
    relies: '工伤保险条例:14,17; 最高人民法院关于审理工伤保险行政案件若干问题的规定:6',
    keywords: '上下班路上 上班路上 下班路上 回家路上 去上班 下班回家 通勤 上下班途中 非本人主要责任',
  }),
  defineCard({
    id: 'delivery_accident',
    category: 'injury',
    title: ['送单、拉客路上出车祸', 'Traffic accidents while delivering or driving'],
    explanation: [
      '接单、送单、拉客的路上出车祸或被撞，是干活时受的伤，不是上下班路上：一般按工伤处理，不要求你不是主要责任（醉酒、吸毒、故意犯罪、自残除外）。撞你的人另外要赔；你向对方要了赔偿，也不影响认定工伤和领工伤待遇，只是对方已经付的医药费不重复拿。',
      'A crash while picking up, delivering or carrying passengers happens at work, not on the way to or from it: it is usually a work injury, and unlike a commuting accident it does not depend on who was mainly at fault (drunkenness, drugs, a crime or self-harm excepted). The other party must pay damages as well; claiming from them does not stop the work-injury claim or its benefits, except that medical costs they paid are not paid twice.',
    ],
    next: [
      ['当场报警，拿到交通事故认定书；先去医院', 'Call the police at once and get the accident report; get treatment first'],
      ['截图当时的订单和接单记录，证明你在送单或拉客', 'Screenshot the order and app records showing you were on a job'],
      ['告诉站长或公司，一年内申请工伤认定', 'Tell the station or company, and apply for work-injury recognition within one year'],
    ],
    evidence: [['交通事故认定书、现场照片', 'Police accident report, photos of the scene'], ['病历和票据', 'Medical records and bills'], EVIDENCE.work],
    where: [WHERE.socialInsurance, WHERE.union],
    relies: '工伤保险条例:14,16,17; 最高人民法院关于审理工伤保险行政案件若干问题的规定:8',
    keywords: '送单路上 送外卖路上 送餐路上 跑单路上 送快递路上 拉客 载客 接单路上 送货路上 被车撞 车祸 交通事故 撞车 被撞 撞了',
    // On the way to or from work the rules differ (not mainly at fault): the commuting card answers.
    unless: '上班路上 下班 回家路上 上下班 通勤 去上班 上班的路上',
  }),
  defineCard({
    id: 'sudden_death',
    category: 'injury',
    title: ['上班时突发疾病去世', 'Death from a sudden illness at work'],
    explanation: [
      '上班时间、在岗位上突然发病去世，或者发病后 48 小时内经抢救还是没救过来的，按工伤对待（视同工伤）。家属可以领丧葬补助金、供养亲属抚恤金，还有一次性工亡补助金（按全国城镇居民上年人均可支配收入算，20 倍）。超过 48 小时才去世的，一般不算工伤，交了养老保险的，家属可以领养老保险的丧葬补助金和抚恤金。',
      'Dying of a sudden illness during working hours at the workplace, or within 48 hours despite emergency treatment, is treated as a work injury. The family receives funeral pay, a pension for dependants and a one-off death benefit of 20 times the previous year’s national per-capita disposable income of urban residents. A death after 48 hours is usually not a work injury; if pension insurance was paid, the family receives its funeral pay and survivors’ allowance.',
    ],
    next: [
      ['记下发病的时间、地点，留好 120 急救和医院抢救的记录', 'Note when and where it happened; keep the ambulance and hospital records'],
      ['截图当时的接单、派单记录，证明人在干活', 'Screenshot the order records showing the work at that time'],
      ['一年内向社保部门申请工伤认定，单位不申请的家属可以自己申请', 'Apply for work-injury recognition within one year; the family may apply if the employer does not'],
    ],
    evidence: [['病历、抢救记录、死亡证明', 'Medical and emergency records, death certificate'], EVIDENCE.work, EVIDENCE.witnesses],
    where: [WHERE.socialInsurance, WHERE.union, WHERE.legalAid],
    relies: '工伤保险条例:15,39,17; 社会保险法:17',
    keywords: '猝死 突发疾病 突然发病 脑溢血 脑出血 心梗 心脏病 去世 走了 人没了 工亡 死亡 抚恤金 丧葬费 丧葬补助金',
  }),
  defineCard({
    id: 'injury_claim',
    category: 'injury',
    title: ['怎么申请工伤认定、有什么待遇', 'Applying for work-injury recognition and benefits'],
    explanation: [
      '单位应在受伤之日起 30 天内申请工伤认定；单位不申请，你本人、家属或工会组织一年内可以直接申请。需要认定申请表、劳动关系证明、医疗诊断证明。认定后，医疗费、停工留薪期工资（原工资不变，一般不超过 12 个月）、伤残补助等按规定支付；单位没给你交工伤保险的，由单位自己支付。',
      'The employer should apply within 30 days; if not, you, your family or the union may apply within one year, with the form, proof of employment and medical diagnosis. Once recognised, medical costs, full wages during the paid recovery period (usually up to 12 months) and disability benefits are paid; an employer who did not insure you pays them itself.',
    ],
    next: [
      ['准备劳动关系证明和诊断证明', 'Prepare proof of employment and the diagnosis'],
      ['到社保行政部门提交工伤认定申请', 'Submit the application to the social insurance authority'],
      ['伤情稳定后申请劳动能力鉴定（评残）', 'When stable, apply for a disability assessment'],
    ],
    evidence: [['诊断证明、病历、票据', 'Diagnosis, records, bills'], EVIDENCE.work, EVIDENCE.witnesses],
    where: [WHERE.socialInsurance, WHERE.union, WHERE.arbitration],
    relies: '工伤保险条例:17,18,20,23,30,33,37; 社会保险法:38,39,41',
    keywords: '工伤认定 认工伤 申请工伤 工伤赔偿 工伤待遇 停工留薪 评残 伤残鉴定 劳动能力鉴定 医药费谁出 单位不给报工伤 工伤保险',
  }),
  defineCard({
    id: 'occupational_disease',
    category: 'injury',
    title: ['职业病', 'Occupational disease'],
    explanation: [
      '长期接触粉尘、噪音、有毒物质得的病可能是职业病。你可以在单位所在地、户籍地或经常居住地的职业病诊断机构诊断，单位要如实提供材料。确诊后按工伤处理；单位没参加工伤保险的，由单位承担医疗和生活保障。',
      'Illness from long exposure to dust, noise or toxic substances may be an occupational disease. You can be diagnosed where the employer is, where you are registered or where you live, and the employer must supply records. It is then treated as a work injury; an uninsured employer bears the costs.',
    ],
    next: [
      ['保留岗位、接触有害物质的证明', 'Keep proof of your job and exposure'],
      ['到有资质的机构做职业病诊断', 'Get diagnosed at a qualified clinic'],
    ],
    evidence: [['体检报告、病历', 'Health checks and medical records'], EVIDENCE.work],
    where: [WHERE.health, WHERE.socialInsurance, WHERE.union],
    relies: '职业病防治法:39,44,49,56,58,59; 工伤保险条例:14',
    keywords: '职业病 尘肺 粉尘 噪音 中毒 有毒 接触有害 职业健康检查 体检',
  }),
  defineCard({
    id: 'social_insurance_arrears',
    category: 'social_insurance',
    title: ['社保欠缴、少缴，怎么补', 'Back-paying unpaid social insurance'],
    explanation: [
      '单位应按时足额缴纳社保，不能缓缴、少报。欠缴的，征收机构会责令限期补缴并加收滞纳金。养老保险缴满 15 年，到退休年龄可以按月领养老金；不满的可以补缴到 15 年。',
      'The employer must pay contributions in full and on time. Arrears are ordered paid with late fees. With 15 years of pension contributions you receive a monthly pension at retirement age; if short, you may continue paying to reach 15 years.',
    ],
    next: [
      ['查清断缴、少缴的月份', 'Find the months missing or underpaid'],
      ['向社保征收机构投诉要求补缴', 'Complain to the collector and ask for back payment'],
    ],
    evidence: [['社保缴费记录', 'Contribution record'], EVIDENCE.pay, EVIDENCE.contract],
    where: [WHERE.hrss, WHERE.socialInsurance],
    relies: '社会保险法:16,58,60,63,86; 社会保险费征缴暂行条例:13',
    keywords: '社保补缴 补交社保 欠缴 少缴 按最低基数交 缴费基数 养老金 交满15年 退休金 滞纳金',
  }),
  defineCard({
    id: 'sick_leave',
    category: 'termination',
    title: ['生病、非工伤受伤期间会不会被辞退', 'Illness and non-work injury'],
    explanation: [
      '因病或非工伤受伤，在规定的医疗期内，单位不能以此辞退你。医疗期满后不能从事原工作也不能从事另外安排的工作，单位要提前 30 天通知或多付一个月工资才能解除，并给经济补偿。',
      'During the statutory medical period after illness or a non-work injury, you may not be dismissed for it. If afterwards you cannot do your job or another arranged one, the employer must give 30 days’ notice or a month’s pay, plus severance.',
    ],
    next: [['保留病假条和诊断证明，按规定请假', 'Keep sick notes and diagnoses and request leave properly']],
    evidence: [['病假条、诊断证明', 'Sick notes and diagnosis'], EVIDENCE.chats],
    where: [WHERE.union, WHERE.arbitration],
    relies: '劳动合同法:40,42,45,46',
    keywords: '生病 病假 住院 医疗期 看病 非因工负伤 生病被辞退 病了不让干',
  }),
  defineCard({
    id: 'female_workers',
    category: 'conditions',
    title: ['女职工：怀孕、产假、哺乳期保护', 'Women workers: pregnancy, maternity and nursing'],
    explanation: [
      '单位不能因为怀孕、生育、哺乳降你工资、辞退你。产假 98 天（难产、多胞胎另加），产假期间有生育津贴。怀孕 7 个月以上和哺乳未满一周岁孩子期间，不能安排加班和夜班，哺乳期每天有 1 小时哺乳时间。经期、孕期有不宜从事的劳动。',
      'You may not have pay cut or be dismissed for pregnancy, childbirth or nursing. Maternity leave is 98 days (more for difficult or multiple births), with maternity allowance. From the 7th month of pregnancy and while nursing a baby under one, no overtime or night shifts, and one hour a day for nursing. Some work is barred during menstruation and pregnancy.',
    ],
    next: [
      ['把怀孕证明书面交给单位', 'Give the employer written proof of pregnancy'],
      ['被降薪或辞退时保留通知和聊天记录', 'Keep notices and chats if pay is cut or you are dismissed'],
    ],
    evidence: [['孕检证明、出生证明', 'Pregnancy or birth certificates'], EVIDENCE.chats, EVIDENCE.pay],
    where: [WHERE.union, WHERE.arbitration, ['妇联维权热线 12338', 'Women’s federation hotline 12338']],
    relies: '女职工劳动保护特别规定:5,6,7,8,9; 劳动法:60,61,62,63; 劳动合同法:42; 社会保险法:56; 妇女权益保障法:48',
    keywords: '怀孕 孕妇 孕期 产假 生孩子 生育 哺乳 喂奶 哺乳期 三期 经期 例假 生育津贴 怀孕被辞退 女骑手',
  }),
  defineCard({
    id: 'sexual_harassment',
    category: 'conditions',
    title: ['工作中遇到性骚扰', 'Sexual harassment at work'],
    explanation: [
      '违背你的意愿，用言语、文字、图片、身体接触等方式骚扰你，就是性骚扰，你可以要求对方承担责任。单位有义务预防和制止，要受理投诉并调查处理。',
      'Unwanted words, messages, images or touching are sexual harassment, and you can hold the harasser liable. Employers must prevent and stop it and must accept and investigate complaints.',
    ],
    next: [
      ['保存聊天记录、录音、照片，记下时间地点和在场的人', 'Keep chats, recordings and photos; note time, place and witnesses'],
      ['向单位投诉，情节严重的报警', 'Complain to the employer; call the police if serious'],
    ],
    evidence: [EVIDENCE.chats, EVIDENCE.witnesses],
    where: [['报警 110', 'Police 110'], WHERE.union, ['妇联维权热线 12338', 'Women’s federation hotline 12338']],
    relies: '民法典:1010; 妇女权益保障法:23,25,80; 女职工劳动保护特别规定:11',
    keywords: '性骚扰 骚扰 动手动脚 摸我 黄段子 揩油 言语骚扰',
  }),
  defineCard({
    id: 'discrimination',
    category: 'other',
    title: ['招工和工作中的歧视', 'Discrimination in hiring and at work'],
    explanation: [
      '劳动者平等就业，不能因为民族、性别、宗教信仰等受歧视。招工不能只要男的、不能查婚育、不能把验孕作为条件，也不能因为是农村户口、乙肝病原携带等歧视。',
      'Workers have equal rights to jobs regardless of ethnicity, sex or religion. Employers may not hire men only, ask about marriage or children, require pregnancy tests, or discriminate against rural workers or hepatitis B carriers.',
    ],
    next: [['保存招聘广告和沟通记录', 'Keep the job ad and messages']],
    evidence: [['招聘广告截图、面试聊天记录', 'Job ad screenshots and interview chats']],
    where: [WHERE.union, WHERE.inspection],
    relies: '就业促进法:3,26,27; 妇女权益保障法:43; 劳动法:3',
    keywords: '歧视 只招男的 不要女的 就业歧视 乙肝 户口 年龄限制 招聘歧视 性别歧视',
  }),
  defineCard({
    id: 'work_safety',
    category: 'conditions',
    title: ['危险作业、安全防护', 'Unsafe work and protection'],
    explanation: [
      '你有权知道岗位上的危险和防范措施，有权拒绝违章指挥和强令冒险作业，遇到直接危及人身安全的紧急情况可以停止作业撤离，单位不能因此扣你工资或辞退你。单位要发必要的劳动防护用品。',
      'You have the right to know the hazards of your job, to refuse orders that break safety rules or force risky work, and to stop and leave in an immediate danger, without losing pay or your job. The employer must provide protective gear.',
    ],
    next: [['拍下危险情况，向工会或安全监管部门反映', 'Photograph the hazard and report it to the union or safety authority']],
    evidence: [['现场照片视频', 'Photos and video'], EVIDENCE.chats],
    where: [WHERE.union, ['应急管理部门（安全生产举报 12350）', 'Emergency management bureau (safety hotline 12350)']],
    relies: '安全生产法:53,54,55,56; 劳动法:54',
    keywords: '危险 不安全 防护用品 头盔 冒险作业 安全隐患 违章指挥 强令',
  }),
];
