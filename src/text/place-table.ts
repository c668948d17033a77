/**
 * Provinces, their prefecture-level cities and the districts of the largest cities, as
 * compact rows so the table stays readable. Names are given without 省/市/区 suffixes.
 */

/** One provincial-level division: full name, short name, kind, and its cities (short names). */
export interface ProvinceRow {
  full: string;
  short: string;
  municipality: boolean;
  cities: string[];
}

const PROVINCE_ROWS = `
北京市|北京|M|
天津市|天津|M|
上海市|上海|M|
重庆市|重庆|M|
河北省|河北|P|石家庄,唐山,秦皇岛,邯郸,邢台,保定,张家口,承德,沧州,廊坊,衡水
山西省|山西|P|太原,大同,阳泉,长治,晋城,朔州,晋中,运城,忻州,临汾,吕梁
内蒙古自治区|内蒙古|P|呼和浩特,包头,乌海,赤峰,通辽,鄂尔多斯,呼伦贝尔,巴彦淖尔,乌兰察布
辽宁省|辽宁|P|沈阳,大连,鞍山,抚顺,本溪,丹东,锦州,营口,阜新,辽阳,盘锦,铁岭,朝阳,葫芦岛
吉林省|吉林|P|吉林,长春,四平,辽源,通化,白山,松原,白城
黑龙江省|黑龙江|P|哈尔滨,齐齐哈尔,鸡西,鹤岗,双鸭山,大庆,伊春,佳木斯,七台河,牡丹江,黑河,绥化
江苏省|江苏|P|南京,无锡,徐州,常州,苏州,南通,连云港,淮安,盐城,扬州,镇江,泰州,宿迁,昆山,江阴
浙江省|浙江|P|杭州,宁波,温州,嘉兴,湖州,绍兴,金华,衢州,舟山,台州,丽水,义乌
安徽省|安徽|P|合肥,芜湖,蚌埠,淮南,马鞍山,淮北,铜陵,安庆,黄山,滁州,阜阳,宿州,六安,亳州,池州,宣城
福建省|福建|P|福州,厦门,莆田,三明,泉州,漳州,南平,龙岩,宁德
江西省|江西|P|南昌,景德镇,萍乡,九江,新余,鹰潭,赣州,吉安,宜春,抚州,上饶
山东省|山东|P|济南,青岛,淄博,枣庄,东营,烟台,潍坊,济宁,泰安,威海,日照,临沂,德州,聊城,滨州,菏泽
河南省|河南|P|郑州,开封,洛阳,平顶山,安阳,鹤壁,新乡,焦作,濮阳,许昌,漯河,三门峡,南阳,商丘,信阳,周口,驻马店
湖北省|湖北|P|武汉,黄石,十堰,宜昌,襄阳,鄂州,荆门,孝感,荆州,黄冈,咸宁,随州
湖南省|湖南|P|长沙,株洲,湘潭,衡阳,邵阳,岳阳,常德,张家界,益阳,郴州,永州,怀化,娄底
广东省|广东|P|广州,韶关,深圳,珠海,汕头,佛山,江门,湛江,茂名,肇庆,惠州,梅州,汕尾,河源,阳江,清远,东莞,中山,潮州,揭阳,云浮
广西壮族自治区|广西|P|南宁,柳州,桂林,梧州,北海,防城港,钦州,贵港,玉林,百色,贺州,河池,来宾,崇左
海南省|海南|P|海口,三亚,三沙,儋州
四川省|四川|P|成都,自贡,攀枝花,泸州,德阳,绵阳,广元,遂宁,内江,乐山,南充,眉山,宜宾,广安,达州,雅安,巴中,资阳
贵州省|贵州|P|贵阳,六盘水,遵义,安顺,毕节,铜仁
云南省|云南|P|昆明,曲靖,玉溪,保山,昭通,丽江,普洱,临沧
西藏自治区|西藏|P|拉萨,日喀则,昌都,林芝,山南,那曲
陕西省|陕西|P|西安,铜川,宝鸡,咸阳,渭南,延安,汉中,榆林,安康,商洛
甘肃省|甘肃|P|兰州,嘉峪关,金昌,白银,天水,武威,张掖,平凉,酒泉,庆阳,定西,陇南
青海省|青海|P|西宁,海东
宁夏回族自治区|宁夏|P|银川,石嘴山,吴忠,固原,中卫
新疆维吾尔自治区|新疆|P|乌鲁木齐,克拉玛依,吐鲁番,哈密
香港特别行政区|香港|M|
澳门特别行政区|澳门|M|
台湾省|台湾|P|台北,新北,桃园,台中,台南,高雄
`;

/** Districts of the big cities riders and drivers work in, keyed by city short name. */
const DISTRICT_ROWS = `
北京|东城,西城,朝阳,丰台,石景山,海淀,门头沟,房山,通州,顺义,昌平,大兴,怀柔,平谷,密云,延庆
上海|黄浦,徐汇,长宁,静安,普陀,虹口,杨浦,闵行,宝山,嘉定,浦东新,浦东,金山,松江,青浦,奉贤,崇明
天津|和平,河东,河西,南开,河北,红桥,东丽,西青,津南,北辰,武清,宝坻,滨海新,滨海,宁河,静海,蓟州
重庆|渝中,江北,南岸,沙坪坝,九龙坡,大渡口,渝北,巴南,北碚,万州,涪陵,永川,合川,江津
广州|越秀,荔湾,海珠,天河,白云,黄埔,番禺,花都,南沙,从化,增城
深圳|福田,罗湖,南山,盐田,宝安,龙岗,龙华,坪山,光明,大鹏
杭州|上城,拱墅,西湖,滨江,萧山,余杭,临平,钱塘,富阳,临安
成都|锦江,青羊,金牛,武侯,成华,龙泉驿,青白江,新都,温江,双流,郫都,新津
武汉|江岸,江汉,硚口,汉阳,武昌,青山,洪山,东西湖,汉南,蔡甸,江夏,黄陂,新洲
南京|玄武,秦淮,建邺,鼓楼,浦口,栖霞,雨花台,江宁,六合,溧水,高淳
西安|新城,碑林,莲湖,灞桥,未央,雁塔,阎良,临潼,长安,高陵,鄠邑
苏州|姑苏,虎丘,吴中,相城,吴江,工业园
郑州|中原,二七,管城,金水,上街,惠济
长沙|芙蓉,天心,岳麓,开福,雨花,望城
`;

function parseProvinces(rows: string): ProvinceRow[] {
  return rows
    .trim()
    .split('\n')
    .map((line) => {
      const [full, short, kind, cities] = line.split('|');
      return { full, short, municipality: kind === 'M', cities: cities ? cities.split(',') : [] };
    });
}

function parseDistricts(rows: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of rows.trim().split('\n')) {
    const [city, districts] = line.split('|');
    map.set(city, districts.split(','));
  }
  return map;
}

/** Every provincial-level division. */
export const PROVINCES: readonly ProvinceRow[] = parseProvinces(PROVINCE_ROWS);

/** Districts by city short name (municipalities included). */
export const DISTRICTS: ReadonlyMap<string, readonly string[]> = parseDistricts(DISTRICT_ROWS);
