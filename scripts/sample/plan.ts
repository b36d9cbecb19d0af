// What the sample data set holds: files, products, calibration targets and the shape of
// trade over the months. Data only; generate.ts turns it into GACC files. The exact yuan
// figures are the launch story's (shared brief): imports from North Korea (GACC partner
// 109) summed over January–October of a year, over all trade modes and places.

export const SAMPLE_SEED = 20231031;

export type SampleYear = 2019 | 2020 | 2021 | 2022 | 2023;
export const SAMPLE_YEARS: readonly SampleYear[] = [2019, 2020, 2021, 2022, 2023];

/**
 * Relative trade level in each month (index 0 = January). 2020: normal January, then the
 * border closes; 2021: almost nothing; 2022: trains run until April, stop until late
 * September. 2023 is covered January–October only.
 */
export const MONTH_PROFILE: Record<SampleYear, readonly number[]> = {
  2019: [0.9, 0.6, 1.0, 1.0, 1.05, 1.0, 1.0, 1.05, 1.0, 1.0, 1.05, 1.1],
  2020: [1.0, 0.3, 0.04, 0.03, 0.05, 0.05, 0.04, 0.02, 0.01, 0.01, 0.005, 0.005],
  2021: [0.005, 0.003, 0.003, 0.01, 0.01, 0.005, 0.01, 0.01, 0.02, 0.02, 0.03, 0.03],
  2022: [0.5, 0.7, 0.8, 0.6, 0.03, 0.02, 0.02, 0.03, 0.2, 0.6, 0.7, 0.8],
  2023: [0.6, 0.5, 0.8, 0.9, 1.0, 1.0, 1.1, 1.1, 1.2, 1.3],
};

/** Months whose level is below this are sparse: each code trades in them only by chance. */
export const SPARSE_LEVEL = 0.1;
export const SPARSE_PRESENCE = 0.35;
/** How a product-month value is spread over (trade mode, place) rows: P(1 row), P(≤ 2 rows). */
export const ROW_SPLIT = { one: 0.35, upToTwo: 0.75 } as const;

export interface Names {
  zh: string;
  en: string;
}

export const TRADE_MODES: Record<string, Names> = {
  '10': { zh: '一般贸易', en: 'General trade' },
  '14': { zh: '进料加工贸易', en: 'Processing with imported materials' },
  '19': { zh: '边境小额贸易', en: 'Border small-scale trade' },
  '33': { zh: '来料加工装配贸易', en: 'Processing and assembling trade' },
};

export const PLACES: Record<string, Names> = {
  '11': { zh: '北京市', en: 'Beijing' },
  '12': { zh: '天津市', en: 'Tianjin' },
  '21': { zh: '辽宁省', en: 'Liaoning Province' },
  '22': { zh: '吉林省', en: 'Jilin Province' },
  '33': { zh: '浙江省', en: 'Zhejiang Province' },
  '37': { zh: '山东省', en: 'Shandong Province' },
  '41': { zh: '河南省', en: 'Henan Province' },
  '44': { zh: '广东省', en: 'Guangdong Province' },
};

export const UNITS = {
  kg: { zh: '千克', en: 'Kilogram' },
  kwh: { zh: '千瓦时', en: 'Kilowatt-hour' },
  piece: { zh: '个', en: 'Piece' },
  article: { zh: '件', en: 'Piece' },
  tyre: { zh: '条', en: 'Piece' },
  pair: { zh: '双', en: 'Pair' },
  meter: { zh: '米', en: 'Meter' },
  liter: { zh: '升', en: 'Liter' },
} as const satisfies Record<string, Names>;
export type UnitKey = keyof typeof UNITS;

/** (trade mode, place) pairs a product trades under. */
export const COMBOS = {
  border: [
    ['19', '21'],
    ['10', '21'],
    ['19', '22'],
    ['10', '22'],
  ],
  grid: [
    ['10', '21'],
    ['10', '22'],
  ],
  processing: [
    ['33', '37'],
    ['33', '41'],
    ['33', '21'],
    ['14', '37'],
  ],
  processingNortheast: [
    ['33', '21'],
    ['33', '22'],
    ['14', '21'],
  ],
  watch: [
    ['10', '21'],
    ['33', '21'],
    ['33', '44'],
  ],
  bristles: [
    ['19', '21'],
    ['10', '21'],
    ['10', '22'],
    ['10', '37'],
  ],
  staples: [
    ['10', '21'],
    ['19', '21'],
    ['10', '22'],
    ['19', '22'],
    ['10', '37'],
    ['10', '11'],
  ],
  industrial: [
    ['10', '21'],
    ['19', '21'],
    ['10', '22'],
    ['10', '12'],
    ['10', '33'],
  ],
  textiles: [
    ['10', '21'],
    ['19', '21'],
    ['10', '33'],
    ['10', '37'],
  ],
} as const satisfies Record<string, readonly (readonly [string, string])[]>;
export type ComboSet = keyof typeof COMBOS;

export interface CodePlan extends Names {
  /** 8 digits, leading zeros kept. */
  code: string;
  /** Share of the product's value, where a product has several codes. */
  share?: number;
}

export interface ProductPlan {
  key: string;
  codes: readonly CodePlan[];
  unit: UnitKey;
  /** Yuan per first unit; quantities are value / price, jittered. */
  price: number;
  /** Second unit and how many of it per first unit. */
  unit2?: { unit: UnitKey; per: number };
  combos: ComboSet;
  /** Yuan over January–October, exact; a year not listed has no trade. */
  janOct: Partial<Record<SampleYear, number>>;
  /** Other years follow the 2023 level through MONTH_PROFILE, with some jitter. */
  follow?: true;
}

const single = (code: string, zh: string, en: string): CodePlan[] => [{ code, zh, en }];

/** Imports from North Korea. The first ten are the story's top ten of 2023. */
export const IMPORTS: readonly ProductPlan[] = [
  {
    key: 'wigs',
    codes: [
      { code: '67041100', zh: '合成纺织材料制整头假发', en: 'Complete wigs of synthetic textile materials', share: 0.21 },
      {
        code: '67041900',
        zh: '合成纺织材料制假胡须、眉毛、假睫毛及类似品',
        en: 'False beards, eyebrows and eyelashes, switches and the like, of synthetic textile materials',
        share: 0.49,
      },
      {
        code: '67042000',
        zh: '人发制假发、假胡须、眉毛、假睫毛及类似品',
        en: 'Wigs, false beards, eyebrows and eyelashes, switches and the like, of human hair',
        share: 0.27,
      },
      {
        code: '67049000',
        zh: '其他材料制假发、假胡须、眉毛、假睫毛及类似品',
        en: 'Wigs, false beards, eyebrows and eyelashes and the like, of other materials',
        share: 0.03,
      },
    ],
    unit: 'kg',
    price: 620,
    combos: 'processing',
    janOct: { 2019: 812_640_000, 2020: 131_280_000, 2021: 2_318_000, 2022: 41_000_000, 2023: 1_083_460_000 },
  },
  {
    key: 'ferrosilicon',
    codes: single('72022100', '按重量计含硅量>55%的硅铁', 'Ferro-silicon, containing by weight more than 55% of silicon'),
    unit: 'kg',
    price: 8.2,
    combos: 'border',
    janOct: { 2019: 38_620_000, 2020: 6_140_000, 2021: 1_236_480, 2022: 62_170_000, 2023: 181_530_000 },
  },
  {
    key: 'tungsten',
    codes: single('26110000', '钨矿砂及其精矿', 'Tungsten ores and concentrates'),
    unit: 'kg',
    price: 72,
    combos: 'border',
    janOct: { 2019: 41_170_000, 2020: 6_480_000, 2021: 587_300, 2022: 86_240_000, 2023: 151_920_000 },
  },
  {
    key: 'electricity',
    codes: single('27160000', '电力', 'Electrical energy'),
    unit: 'kwh',
    price: 0.31,
    combos: 'grid',
    janOct: { 2019: 86_950_000, 2020: 13_480_000, 2021: 8_920_000, 2022: 44_860_000, 2023: 104_270_000 },
  },
  {
    key: 'molybdenum',
    codes: single('26139000', '其他钼矿砂及其精矿', 'Molybdenum ores and concentrates, unroasted'),
    unit: 'kg',
    price: 95,
    combos: 'border',
    janOct: { 2019: 27_940_000, 2020: 4_390_000, 2021: 412_600, 2022: 31_580_000, 2023: 96_810_000 },
  },
  {
    key: 'silicon-carbide',
    codes: single('28492000', '碳化硅', 'Carbides of silicon'),
    unit: 'kg',
    price: 6.4,
    combos: 'border',
    janOct: { 2019: 11_380_000, 2020: 1_820_000, 2021: 348_720, 2022: 12_460_000, 2023: 47_350_000 },
  },
  {
    key: 'shoe-uppers',
    codes: single('64061000', '鞋面及其零件，但硬衬除外', 'Uppers and parts thereof, other than stiffeners'),
    unit: 'kg',
    price: 135,
    combos: 'processingNortheast',
    janOct: { 2019: 14_280_000, 2020: 2_260_000, 2021: 41_000, 2022: 5_930_000, 2023: 38_640_000 },
  },
  {
    key: 'graphite',
    codes: [
      { code: '25041010', zh: '天然鳞片石墨', en: 'Natural flake graphite', share: 0.44 },
      { code: '25041091', zh: '球化石墨', en: 'Spheroidised natural graphite', share: 0.07 },
      { code: '25041099', zh: '其他粉末或粉片状天然石墨', en: 'Other natural graphite in powder or flakes', share: 0.19 },
      { code: '25049000', zh: '其他天然石墨', en: 'Other natural graphite', share: 0.21 },
      { code: '38011000', zh: '人造石墨', en: 'Artificial graphite', share: 0.09 },
    ],
    unit: 'kg',
    price: 3.6,
    combos: 'border',
    janOct: { 2019: 7_610_000, 2020: 1_190_000, 2021: 96_400, 2022: 9_870_000, 2023: 29_180_000 },
  },
  {
    key: 'watch-movements',
    codes: [
      {
        code: '91081100',
        zh: '机械指示式的电子表芯',
        en: 'Watch movements, electrically operated, with mechanical display only, complete and assembled',
        share: 0.78,
      },
      { code: '91089000', zh: '其他已组装的完整表芯', en: 'Other watch movements, complete and assembled', share: 0.22 },
    ],
    unit: 'piece',
    price: 14,
    unit2: { unit: 'kg', per: 0.009 },
    combos: 'watch',
    janOct: { 2019: 24_860_000, 2020: 3_910_000, 2021: 188_000, 2022: 7_420_000, 2023: 21_770_000 },
  },
  {
    key: 'bristles',
    codes: [
      { code: '05021010', zh: '猪鬃', en: "Pigs', hogs' or boars' bristles", share: 0.61 },
      { code: '05021020', zh: '猪毛', en: "Pigs', hogs' or boars' hair", share: 0.28 },
      { code: '05029019', zh: '其他制刷用兽毛', en: 'Other brush-making hair', share: 0.11 },
    ],
    unit: 'kg',
    price: 86,
    combos: 'bristles',
    janOct: { 2019: 10_730_000, 2020: 1_640_000, 2021: 52_000, 2022: 4_180_000, 2023: 15_460_000 },
  },
  // Everything else stays below 12 million yuan in 2023 and avoids the chapters UN
  // resolutions bar North Korea from selling (03, 07, 08, 12, 25, 44, 50–63, 84, 85, 89).
  {
    key: 'ferro-molybdenum',
    codes: single('72027000', '钼铁', 'Ferro-molybdenum'),
    unit: 'kg',
    price: 150,
    combos: 'border',
    janOct: { 2023: 9_860_000 },
    follow: true,
  },
  {
    key: 'ferro-tungsten',
    codes: single('72028010', '钨铁', 'Ferro-tungsten'),
    unit: 'kg',
    price: 170,
    combos: 'border',
    janOct: { 2023: 6_420_000 },
    follow: true,
  },
  {
    key: 'ferro-silico-manganese',
    codes: single('72023000', '硅锰铁', 'Ferro-silico-manganese'),
    unit: 'kg',
    price: 6.5,
    combos: 'border',
    janOct: { 2023: 5_740_000 },
    follow: true,
  },
  {
    key: 'silicon',
    codes: single('28046900', '其他硅', 'Silicon, containing by weight less than 99.99% of silicon'),
    unit: 'kg',
    price: 14,
    combos: 'border',
    janOct: { 2023: 4_260_000 },
    follow: true,
  },
  {
    key: 'tungsten-unwrought',
    codes: single('81019400', '未锻轧钨，包括简单烧结而成的条、杆', 'Unwrought tungsten, including bars and rods obtained simply by sintering'),
    unit: 'kg',
    price: 240,
    combos: 'border',
    janOct: { 2023: 2_870_000 },
    follow: true,
  },
  {
    key: 'molybdenum-unwrought',
    codes: single('81029400', '未锻轧钼，包括简单烧结而成的条、杆', 'Unwrought molybdenum, including bars and rods obtained simply by sintering'),
    unit: 'kg',
    price: 280,
    combos: 'border',
    janOct: { 2023: 1_940_000 },
    follow: true,
  },
  {
    key: 'tungsten-scrap',
    codes: single('81019700', '钨废碎料', 'Tungsten waste and scrap'),
    unit: 'kg',
    price: 95,
    combos: 'border',
    janOct: { 2023: 1_760_000 },
    follow: true,
  },
  {
    key: 'molybdenum-oxides',
    codes: single('28257000', '钼的氧化物及氢氧化物', 'Molybdenum oxides and hydroxides'),
    unit: 'kg',
    price: 160,
    combos: 'border',
    janOct: { 2023: 3_510_000 },
    follow: true,
  },
  {
    key: 'tungsten-oxides',
    codes: single('28259010', '钨的氧化物及氢氧化物', 'Tungsten oxides and hydroxides'),
    unit: 'kg',
    price: 180,
    combos: 'border',
    janOct: { 2023: 2_360_000 },
    follow: true,
  },
  {
    key: 'alumina',
    codes: single('28182000', '氧化铝，但人造刚玉除外', 'Aluminium oxide, other than artificial corundum'),
    unit: 'kg',
    price: 4.5,
    combos: 'border',
    janOct: { 2023: 770_000 },
    follow: true,
  },
  {
    key: 'grinding-wheels',
    codes: single('68042210', '其他砂轮', 'Other grinding wheels of agglomerated abrasives'),
    unit: 'kg',
    price: 22,
    combos: 'border',
    janOct: { 2023: 1_380_000 },
    follow: true,
  },
  {
    key: 'refractory-bricks',
    codes: single(
      '69022000',
      '按重量计含氧化铝、氧化硅或其混合物>50%的耐火砖',
      'Refractory bricks containing by weight more than 50% of alumina, silica or a mixture of these',
    ),
    unit: 'kg',
    price: 3.2,
    combos: 'border',
    janOct: { 2023: 2_140_000 },
    follow: true,
  },
  {
    key: 'insulating-materials',
    codes: single('68069000', '其他矿物绝热、隔音材料及制品', 'Other heat-insulating or sound-insulating mineral materials and articles'),
    unit: 'kg',
    price: 4,
    combos: 'border',
    janOct: { 2023: 1_270_000 },
    follow: true,
  },
  {
    key: 'refractory-cements',
    codes: single('38160000', '耐火水泥、灰泥、混凝土及类似耐火混合制品', 'Refractory cements, mortars, concretes and similar compositions'),
    unit: 'kg',
    price: 2.6,
    combos: 'border',
    janOct: { 2023: 860_000 },
    follow: true,
  },
  {
    key: 'handbags',
    codes: single('42022200', '以塑料或纺织材料作面的手提包', 'Handbags with outer surface of plastic sheeting or of textile materials'),
    unit: 'piece',
    price: 48,
    unit2: { unit: 'kg', per: 0.45 },
    combos: 'processingNortheast',
    janOct: { 2023: 5_320_000 },
    follow: true,
  },
  {
    key: 'footwear-parts',
    codes: single('64069099', '其他材料制鞋靴零件', 'Parts of footwear of other materials'),
    unit: 'kg',
    price: 62,
    combos: 'processingNortheast',
    janOct: { 2023: 3_860_000 },
    follow: true,
  },
  {
    key: 'hats',
    codes: single('65050099', '其他帽类', 'Other hats and headgear'),
    unit: 'kg',
    price: 95,
    combos: 'processingNortheast',
    janOct: { 2023: 2_480_000 },
    follow: true,
  },
  {
    key: 'artificial-flowers',
    codes: single('67029090', '其他材料制人造花、叶、果实及其零件', 'Artificial flowers, foliage and fruit and parts thereof, of other materials'),
    unit: 'kg',
    price: 72,
    combos: 'processing',
    janOct: { 2023: 1_560_000 },
    follow: true,
  },
  {
    key: 'worked-hair',
    codes: single('67030000', '经梳理、稀疏、脱色或其他方法加工的人发', 'Human hair, dressed, thinned, bleached or otherwise worked'),
    unit: 'kg',
    price: 540,
    combos: 'processing',
    janOct: { 2023: 8_940_000 },
    follow: true,
  },
  {
    key: 'watch-parts',
    codes: single('91149000', '钟表的其他零件', 'Other clock or watch parts'),
    unit: 'kg',
    price: 880,
    combos: 'watch',
    janOct: { 2023: 2_730_000 },
    follow: true,
  },
  {
    key: 'wrist-watches',
    codes: single('91021100', '机械指示式的电子手表', 'Wrist-watches, electrically operated, with mechanical display only'),
    unit: 'piece',
    price: 52,
    unit2: { unit: 'kg', per: 0.05 },
    combos: 'watch',
    janOct: { 2023: 3_640_000 },
    follow: true,
  },
  {
    key: 'spectacles',
    codes: single('90049090', '其他眼镜', 'Other spectacles, goggles and the like'),
    unit: 'piece',
    price: 18,
    unit2: { unit: 'kg', per: 0.03 },
    combos: 'processingNortheast',
    janOct: { 2023: 940_000 },
    follow: true,
  },
  {
    key: 'furniture-parts',
    codes: single('94039900', '其他材料制家具零件', 'Parts of furniture of other materials'),
    unit: 'kg',
    price: 19,
    combos: 'processingNortheast',
    janOct: { 2023: 1_980_000 },
    follow: true,
  },
  {
    key: 'toys',
    codes: single('95030089', '其他玩具', 'Other toys'),
    unit: 'kg',
    price: 38,
    combos: 'processingNortheast',
    janOct: { 2023: 2_150_000 },
    follow: true,
  },
  {
    key: 'brushes',
    codes: single('96039000', '其他帚、刷', 'Other brooms, brushes and mops'),
    unit: 'kg',
    price: 34,
    combos: 'processing',
    janOct: { 2023: 1_430_000 },
    follow: true,
  },
  {
    key: 'combs',
    codes: single('96151900', '其他材料制梳子、发夹及类似品', 'Combs, hair-slides and the like, of other materials'),
    unit: 'kg',
    price: 58,
    combos: 'processing',
    janOct: { 2023: 1_120_000 },
    follow: true,
  },
  {
    key: 'plastic-articles',
    codes: single('39269090', '其他塑料制品', 'Other articles of plastics'),
    unit: 'kg',
    price: 24,
    combos: 'processingNortheast',
    janOct: { 2023: 2_690_000 },
    follow: true,
  },
  {
    key: 'rubber-articles',
    codes: single('40169990', '其他硫化橡胶制品', 'Other articles of vulcanised rubber'),
    unit: 'kg',
    price: 31,
    combos: 'border',
    janOct: { 2023: 860_000 },
    follow: true,
  },
  {
    key: 'paper-articles',
    codes: single('48239090', '其他纸及纸制品', 'Other paper, paperboard and articles thereof'),
    unit: 'kg',
    price: 12,
    combos: 'border',
    janOct: { 2023: 640_000 },
    follow: true,
  },
  {
    key: 'medicaments',
    codes: single('30039000', '其他两种或两种以上成分混合而成的药品', 'Other medicaments of two or more constituents mixed together, not in measured doses'),
    unit: 'kg',
    price: 125,
    combos: 'border',
    janOct: { 2023: 1_350_000 },
    follow: true,
  },
  {
    key: 'plant-extracts',
    codes: single('13021990', '其他植物液汁及浸膏', 'Other vegetable saps and extracts'),
    unit: 'kg',
    price: 82,
    combos: 'border',
    janOct: { 2023: 1_050_000 },
    follow: true,
  },
  {
    key: 'animal-products',
    codes: single('05119990', '其他编号未列名的动物产品', 'Other animal products not elsewhere specified'),
    unit: 'kg',
    price: 16,
    combos: 'border',
    janOct: { 2023: 730_000 },
    follow: true,
  },
  {
    key: 'printed-matter',
    codes: single('49119900', '其他印刷品', 'Other printed matter'),
    unit: 'kg',
    price: 42,
    combos: 'border',
    janOct: { 2023: 520_000 },
    follow: true,
  },
  {
    key: 'paintings',
    codes: single('97019100', '其他油画、粉画及其他手绘画', 'Other paintings, drawings and pastels, executed entirely by hand'),
    unit: 'article',
    price: 3_800,
    unit2: { unit: 'kg', per: 2.5 },
    combos: 'border',
    janOct: { 2023: 2_280_000 },
    follow: true,
  },
  {
    key: 'imitation-jewellery',
    codes: single('71171900', '其他贱金属制仿首饰', 'Other imitation jewellery of base metal'),
    unit: 'kg',
    price: 210,
    combos: 'processing',
    janOct: { 2023: 690_000 },
    follow: true,
  },
  {
    key: 'glass-microspheres',
    codes: single('70182000', '直径不超过1毫米的玻璃珠', 'Glass microspheres not exceeding 1 mm in diameter'),
    unit: 'kg',
    price: 12,
    combos: 'border',
    janOct: { 2023: 410_000 },
    follow: true,
  },
];

/**
 * Exports to North Korea. Chapters 72–89 (UNSCR 2397 paragraph 7) appear only in 2023, with
 * the brief's chapter totals: 84 3,914,000; 85 2,458,000; 87 486,000; 73 1,125,000;
 * 76 842,000.
 */
export const EXPORTS: readonly ProductPlan[] = [
  {
    key: 'rice',
    codes: single('10063020', '非种用籼米精米', 'Semi-milled or wholly milled long-grain rice, not for sowing'),
    unit: 'kg',
    price: 4.3,
    combos: 'staples',
    janOct: { 2023: 356_000_000 },
    follow: true,
  },
  {
    key: 'flour',
    codes: single('11010000', '小麦或混合麦的细粉', 'Wheat or meslin flour'),
    unit: 'kg',
    price: 3.5,
    combos: 'staples',
    janOct: { 2023: 412_000_000 },
    follow: true,
  },
  {
    key: 'soybean-oil',
    codes: single('15079000', '精制的豆油及其分离品', 'Refined soya-bean oil and its fractions'),
    unit: 'kg',
    price: 9.6,
    combos: 'staples',
    janOct: { 2023: 498_000_000 },
    follow: true,
  },
  {
    key: 'edible-fats',
    codes: single('15179090', '其他混合食用油脂', 'Other edible mixtures or preparations of fats and oils'),
    unit: 'kg',
    price: 9.1,
    combos: 'staples',
    janOct: { 2023: 96_000_000 },
    follow: true,
  },
  {
    key: 'palm-oil',
    codes: single('15119090', '其他棕榈油及其分离品', 'Other palm oil and its fractions'),
    unit: 'kg',
    price: 7.6,
    combos: 'staples',
    janOct: { 2023: 88_000_000 },
    follow: true,
  },
  {
    key: 'sugar',
    codes: single('17019990', '其他精制糖', 'Other refined cane or beet sugar'),
    unit: 'kg',
    price: 6.1,
    combos: 'staples',
    janOct: { 2023: 286_000_000 },
    follow: true,
  },
  { key: 'pasta', codes: single('19023090', '其他面食', 'Other pasta'), unit: 'kg', price: 8.2, combos: 'staples', janOct: { 2023: 42_000_000 }, follow: true },
  {
    key: 'bakery',
    codes: single('19059000', '其他面包、糕点、饼干及焙烘糕饼', "Other bread, pastry, cakes, biscuits and other bakers' wares"),
    unit: 'kg',
    price: 14,
    combos: 'staples',
    janOct: { 2023: 23_000_000 },
    follow: true,
  },
  {
    key: 'condiments',
    codes: single('21039090', '其他调味品', 'Other sauces, mixed condiments and mixed seasonings'),
    unit: 'kg',
    price: 10,
    combos: 'staples',
    janOct: { 2023: 31_000_000 },
    follow: true,
  },
  {
    key: 'starch',
    codes: single('11081200', '玉米淀粉', 'Maize (corn) starch'),
    unit: 'kg',
    price: 3.3,
    combos: 'staples',
    janOct: { 2023: 37_000_000 },
    follow: true,
  },
  {
    key: 'animal-feed',
    codes: single('23099090', '其他配制的动物饲料', 'Other preparations of a kind used in animal feeding'),
    unit: 'kg',
    price: 4.1,
    combos: 'staples',
    janOct: { 2023: 58_000_000 },
    follow: true,
  },
  {
    key: 'beverages',
    codes: single('22029900', '其他无酒精饮料', 'Other non-alcoholic beverages'),
    unit: 'liter',
    price: 4.2,
    unit2: { unit: 'kg', per: 1.05 },
    combos: 'staples',
    janOct: { 2023: 19_000_000 },
    follow: true,
  },
  { key: 'urea', codes: single('31021000', '尿素', 'Urea'), unit: 'kg', price: 2.7, combos: 'industrial', janOct: { 2023: 118_000_000 }, follow: true },
  {
    key: 'npk-fertiliser',
    codes: single('31052000', '含氮、磷、钾三种肥效元素的矿物肥料或化学肥料', 'Mineral or chemical fertilisers containing nitrogen, phosphorus and potassium'),
    unit: 'kg',
    price: 3.2,
    combos: 'industrial',
    janOct: { 2023: 74_000_000 },
    follow: true,
  },
  {
    key: 'polyethylene',
    codes: single('39011000', '初级形状比重小于0.94的聚乙烯', 'Polyethylene having a specific gravity of less than 0.94, in primary forms'),
    unit: 'kg',
    price: 9.2,
    combos: 'industrial',
    janOct: { 2023: 64_000_000 },
    follow: true,
  },
  {
    key: 'polypropylene',
    codes: single('39021000', '初级形状的聚丙烯', 'Polypropylene, in primary forms'),
    unit: 'kg',
    price: 8.6,
    combos: 'industrial',
    janOct: { 2023: 52_000_000 },
    follow: true,
  },
  {
    key: 'plastic-bags',
    codes: single('39232100', '乙烯聚合物制的袋及包', 'Sacks and bags of polymers of ethylene'),
    unit: 'kg',
    price: 13,
    combos: 'industrial',
    janOct: { 2023: 28_000_000 },
    follow: true,
  },
  {
    key: 'caustic-soda',
    codes: single('28151100', '固体氢氧化钠', 'Sodium hydroxide (caustic soda), solid'),
    unit: 'kg',
    price: 3.1,
    combos: 'industrial',
    janOct: { 2023: 14_000_000 },
    follow: true,
  },
  {
    key: 'printing-ink',
    codes: single('32151900', '其他印刷油墨', 'Other printing ink'),
    unit: 'kg',
    price: 31,
    combos: 'industrial',
    janOct: { 2023: 6_000_000 },
    follow: true,
  },
  {
    key: 'detergents',
    codes: single('34022090', '零售包装的其他洗涤剂', 'Other washing and cleaning preparations, put up for retail sale'),
    unit: 'kg',
    price: 8.4,
    combos: 'staples',
    janOct: { 2023: 21_000_000 },
    follow: true,
  },
  { key: 'shampoos', codes: single('33051000', '洗发剂', 'Shampoos'), unit: 'kg', price: 15, combos: 'staples', janOct: { 2023: 12_000_000 }, follow: true },
  {
    key: 'medicaments',
    codes: single('30049090', '其他已配定剂量的药品', 'Other medicaments, put up in measured doses'),
    unit: 'kg',
    price: 92,
    combos: 'staples',
    janOct: { 2023: 26_000_000 },
    follow: true,
  },
  {
    key: 'tyres',
    codes: single('40111000', '机动小客车用新的充气橡胶轮胎', 'New pneumatic tyres of rubber, of a kind used on motor cars'),
    unit: 'tyre',
    price: 430,
    unit2: { unit: 'kg', per: 9.5 },
    combos: 'industrial',
    janOct: { 2023: 32_000_000 },
    follow: true,
  },
  {
    key: 'printing-paper',
    codes: single('48025690', '其他未涂布书写、印刷用纸', 'Other uncoated paper for writing or printing'),
    unit: 'kg',
    price: 7.2,
    combos: 'industrial',
    janOct: { 2023: 11_000_000 },
    follow: true,
  },
  {
    key: 'cartons',
    codes: single('48191000', '瓦楞纸或纸板制的箱、盒、匣', 'Cartons, boxes and cases, of corrugated paper or paperboard'),
    unit: 'kg',
    price: 6.3,
    combos: 'industrial',
    janOct: { 2023: 8_000_000 },
    follow: true,
  },
  {
    key: 'human-hair',
    codes: single('05010000', '未经加工的人发', 'Human hair, unworked'),
    unit: 'kg',
    price: 390,
    combos: 'textiles',
    janOct: { 2023: 620_000_000 },
    follow: true,
  },
  {
    key: 'polyester-staple',
    codes: single('55032000', '聚酯短纤，未梳', 'Synthetic staple fibres of polyesters, not carded'),
    unit: 'kg',
    price: 8.1,
    combos: 'textiles',
    janOct: { 2023: 34_000_000 },
    follow: true,
  },
  {
    key: 'polyester-yarn',
    codes: single('54023300', '聚酯变形纱线', 'Textured yarn of polyesters'),
    unit: 'kg',
    price: 11,
    combos: 'textiles',
    janOct: { 2023: 41_000_000 },
    follow: true,
  },
  {
    key: 'knitted-fabrics',
    codes: single('60063200', '合成纤维制染色针织或钩编织物', 'Dyed knitted or crocheted fabrics of synthetic fibres'),
    unit: 'kg',
    price: 26,
    combos: 'textiles',
    janOct: { 2023: 96_000_000 },
    follow: true,
  },
  {
    key: 'cotton-fabrics',
    codes: single('52085200', '平纹印花棉布', 'Printed plain-weave cotton fabrics'),
    unit: 'meter',
    price: 9.2,
    unit2: { unit: 'kg', per: 0.11 },
    combos: 'textiles',
    janOct: { 2023: 58_000_000 },
    follow: true,
  },
  {
    key: 'polyester-fabrics',
    codes: single('54076100', '聚酯非变形长丝机织物', 'Woven fabrics containing 85% or more by weight of non-textured polyester filaments'),
    unit: 'meter',
    price: 7.3,
    unit2: { unit: 'kg', per: 0.09 },
    combos: 'textiles',
    janOct: { 2023: 72_000_000 },
    follow: true,
  },
  {
    key: 'nonwovens',
    codes: single('56031300', '化学纤维长丝无纺织物', 'Nonwovens of man-made filaments, weighing more than 70 g/m² but not more than 150 g/m²'),
    unit: 'kg',
    price: 18,
    combos: 'textiles',
    janOct: { 2023: 15_000_000 },
    follow: true,
  },
  {
    key: 'narrow-fabrics',
    codes: single('58063200', '化学纤维制狭幅机织物', 'Narrow woven fabrics of man-made fibres'),
    unit: 'kg',
    price: 41,
    combos: 'textiles',
    janOct: { 2023: 22_000_000 },
    follow: true,
  },
  {
    key: 'press-fasteners',
    codes: single('96061000', '揿扣及其零件', 'Press-fasteners, snap-fasteners and press-studs and parts therefor'),
    unit: 'kg',
    price: 62,
    combos: 'textiles',
    janOct: { 2023: 7_000_000 },
    follow: true,
  },
  {
    key: 'plastic-footwear',
    codes: single('64029990', '其他橡胶或塑料制外底及鞋面的鞋靴', 'Other footwear with outer soles and uppers of rubber or plastics'),
    unit: 'pair',
    price: 26,
    unit2: { unit: 'kg', per: 0.6 },
    combos: 'staples',
    janOct: { 2023: 9_000_000 },
    follow: true,
  },
  {
    key: 'wooden-furniture',
    codes: single('94036090', '其他木家具', 'Other wooden furniture'),
    unit: 'article',
    price: 620,
    unit2: { unit: 'kg', per: 28 },
    combos: 'industrial',
    janOct: { 2023: 12_000_000 },
    follow: true,
  },
  {
    key: 'napkins',
    codes: single('96190011', '婴儿尿布及尿布衬里', "Babies' napkins and napkin liners"),
    unit: 'kg',
    price: 21,
    combos: 'staples',
    janOct: { 2023: 14_000_000 },
    follow: true,
  },
  {
    key: 'iron-steel-articles',
    codes: [
      { code: '73181590', zh: '其他螺钉及螺栓', en: 'Other screws and bolts of iron or steel', share: 0.56 },
      { code: '73269099', zh: '其他钢铁制品', en: 'Other articles of iron or steel', share: 0.44 },
    ],
    unit: 'kg',
    price: 14,
    combos: 'industrial',
    janOct: { 2023: 1_125_000 },
  },
  {
    key: 'aluminium',
    codes: [
      {
        code: '76061220',
        zh: '铝合金制矩形的板、片及带，厚度>0.2毫米',
        en: 'Rectangular plates, sheets and strip of aluminium alloys, of a thickness exceeding 0.2 mm',
        share: 0.62,
      },
      { code: '76169990', zh: '其他铝制品', en: 'Other articles of aluminium', share: 0.38 },
    ],
    unit: 'kg',
    price: 28,
    combos: 'industrial',
    janOct: { 2023: 842_000 },
  },
  {
    key: 'machinery',
    codes: [
      { code: '84139100', zh: '液体泵的零件', en: 'Parts of pumps for liquids', share: 0.36 },
      { code: '84819090', zh: '阀门及类似装置的零件', en: 'Parts of taps, cocks, valves and similar appliances', share: 0.24 },
      { code: '84219990', zh: '过滤或净化机器及装置用的其他零件', en: 'Parts of filtering or purifying machinery and apparatus', share: 0.18 },
      {
        code: '84799090',
        zh: '其他具有独立功能的机器及机械器具的零件',
        en: 'Parts of other machines and mechanical appliances having individual functions',
        share: 0.22,
      },
    ],
    unit: 'kg',
    price: 105,
    combos: 'industrial',
    janOct: { 2023: 3_914_000 },
  },
  {
    key: 'electrical',
    codes: [
      { code: '85049090', zh: '变压器、静止式变流器及电感器的零件', en: 'Parts of electrical transformers, static converters and inductors', share: 0.41 },
      {
        code: '85389000',
        zh: '其他电路开关等装置用的零件',
        en: 'Other parts for electrical apparatus for switching or protecting electrical circuits',
        share: 0.27,
      },
      { code: '85444929', zh: '其他额定电压≤1000伏的电导体', en: 'Other electric conductors, for a voltage not exceeding 1,000 V', share: 0.32 },
    ],
    unit: 'kg',
    price: 68,
    combos: 'industrial',
    janOct: { 2023: 2_458_000 },
  },
  {
    key: 'vehicle-parts',
    codes: [
      { code: '87089990', zh: '其他机动车辆零件、附件', en: 'Other parts and accessories of motor vehicles', share: 0.71 },
      { code: '87149990', zh: '其他自行车零件、附件', en: 'Other parts and accessories of bicycles', share: 0.29 },
    ],
    unit: 'kg',
    price: 46,
    combos: 'industrial',
    janOct: { 2023: 486_000 },
  },
];

/** A North Korea download: one flow, one year, monthly, 8-digit, yuan. */
export interface KpFilePlan {
  file: string;
  flow: 'import' | 'export';
  year: SampleYear;
  /** Months covered from January. */
  months: number;
  language: 'zh' | 'en';
  supplementarySpelling?: 'Supplimentary';
  missingQuantity?: '?';
  /** How an English file spells the partner; Chinese files say 朝鲜. */
  englishName?: keyof typeof KP_ENGLISH_NAMES;
  notes?: string;
}

export const KP_PARTNER = { code: '109', zh: '朝鲜' } as const;
/** English files name the partner with a full-width comma in some downloads. */
export const KP_ENGLISH_NAMES = { fullWidth: 'Korea\uff0cDPR', ascii: 'Korea,DPR' } as const;

export const KP_FILES: readonly KpFilePlan[] = [
  {
    file: 'kp-imports-2019.csv',
    flow: 'import',
    year: 2019,
    months: 12,
    language: 'en',
    englishName: 'fullWidth',
    supplementarySpelling: 'Supplimentary',
    notes: 'English headers spelling "Supplimentary Quantity"; partner written "Korea，DPR" with a full-width comma.',
  },
  {
    file: 'kp-imports-2020.csv',
    flow: 'import',
    year: 2020,
    months: 12,
    language: 'en',
    englishName: 'ascii',
    notes: 'English headers; partner written "Korea,DPR" with an ASCII comma.',
  },
  { file: 'kp-imports-2021.csv', flow: 'import', year: 2021, months: 12, language: 'zh' },
  { file: 'kp-imports-2022.csv', flow: 'import', year: 2022, months: 12, language: 'zh' },
  { file: 'kp-imports-2023-01-10.csv', flow: 'import', year: 2023, months: 10, language: 'zh', notes: 'January to October 2023 only.' },
  { file: 'kp-exports-2019.csv', flow: 'export', year: 2019, months: 12, language: 'zh' },
  {
    file: 'kp-exports-2020.csv',
    flow: 'export',
    year: 2020,
    months: 12,
    language: 'en',
    englishName: 'ascii',
    missingQuantity: '?',
    notes: 'English headers; missing second quantities marked "?".',
  },
  { file: 'kp-exports-2021.csv', flow: 'export', year: 2021, months: 12, language: 'zh' },
  {
    file: 'kp-exports-2022.csv',
    flow: 'export',
    year: 2022,
    months: 12,
    language: 'en',
    englishName: 'fullWidth',
    notes: 'English headers; partner written "Korea，DPR" with a full-width comma.',
  },
  { file: 'kp-exports-2023-01-10.csv', flow: 'export', year: 2023, months: 10, language: 'zh', notes: 'January to October 2023 only.' },
];

export interface TotalsFilePlan {
  file: string;
  flow: 'import' | 'export';
  /** `YYYY-MM..YYYY-MM`: the file has no month column, so only the manifest can say. */
  period: string;
  notes: string;
  /** GACC code → English partner name. */
  partners: Record<string, string>;
  /** `price` is dollars per kilogram, for quantities; `values` are dollars by partner code. */
  products: readonly { code: string; en: string; price: number; values: Record<string, number> }[];
}

/**
 * The comparison download: the story's minerals imported from other partners, totals over
 * January–October 2023, 6-digit codes, US dollars, English headers, no trade-mode or place
 * breakdown.
 */
export const OTHER_PARTNERS_FILE: TotalsFilePlan = {
  file: 'minerals-other-partners-2023-01-10-usd.csv',
  flow: 'import',
  period: '2023-01..2023-10',
  notes: 'Totals over January to October 2023 in US dollars; the download has no month column, so the period is stated here.',
  partners: {
    '116': 'Japan',
    '122': 'Malaysia',
    '124': 'Mongolia',
    '133': 'Korea,Rep.',
    '141': 'Viet Nam',
    '344': 'Russian Federation',
  },
  products: [
    { code: '250410', en: 'Natural graphite in powder or in flakes', price: 0.55, values: { '124': 2_480_000, '344': 1_630_000 } },
    { code: '250490', en: 'Natural graphite, other than in powder or in flakes', price: 0.42, values: { '344': 380_000 } },
    { code: '261100', en: 'Tungsten ores and concentrates', price: 14.8, values: { '124': 18_350_000, '141': 9_610_000, '344': 22_740_000 } },
    { code: '261390', en: 'Molybdenum ores and concentrates, unroasted', price: 21.5, values: { '124': 96_240_000, '344': 4_120_000 } },
    { code: '284920', en: 'Carbides of silicon', price: 2.1, values: { '116': 6_820_000, '133': 3_140_000, '344': 1_270_000 } },
    { code: '380110', en: 'Artificial graphite', price: 3.2, values: { '116': 4_860_000, '133': 2_920_000 } },
    {
      code: '720221',
      en: 'Ferro-silicon, containing by weight more than 55% of silicon',
      price: 1.28,
      values: { '122': 38_460_000, '141': 5_270_000, '344': 14_820_000 },
    },
  ],
};

/** Every manifest entry says the data are made up, and how to make them again. */
/** The files' provenance, in each language the story is published in. */
export const SAMPLE_SOURCE = {
  en:
    `Generated sample data, not GACC figures: written by scripts/generate-sample.ts (seed ${SAMPLE_SEED}) ` +
    "in the format of GACC's online query platform downloads, calibrated so the launch story's figures hold; " +
    'other values are plausible inventions.',
  ko:
    `GACC 수치가 아닌 생성된 샘플 데이터: scripts/generate-sample.ts(시드 ${SAMPLE_SEED})가 GACC 온라인 조회 플랫폼 ` +
    '다운로드 형식으로 작성했으며, 기사의 수치가 맞도록 보정했고 나머지 값은 그럴듯하게 지어낸 것이다.',
};
