import { describe, expect, it } from 'vitest';
import { formatPlace, parsePlace, stationIn } from '../../src/text/place.js';
import { PROVINCES } from '../../src/text/place-table.js';

describe('parsePlace', () => {
  it.each([
    ['北京朝阳', { province: '北京市', city: '北京市', district: '朝阳区' }],
    ['北京市朝阳区望京', { province: '北京市', city: '北京市', district: '朝阳区' }],
    ['深圳南山', { province: '广东省', city: '深圳市', district: '南山区' }],
    ['在深圳市南山区科技园', { province: '广东省', city: '深圳市', district: '南山区' }],
    ['南山区', { province: '广东省', city: '深圳市', district: '南山区' }],
    ['广东', { province: '广东省' }],
    ['长沙', { province: '湖南省', city: '长沙市' }],
    ['河南郑州金水区', { province: '河南省', city: '郑州市', district: '金水区' }],
    ['杭州西湖', { province: '浙江省', city: '杭州市', district: '西湖区' }],
    ['成都武侯区', { province: '四川省', city: '成都市', district: '武侯区' }],
    ['重庆渝北', { province: '重庆市', city: '重庆市', district: '渝北区' }],
    ['上海浦东', { province: '上海市', city: '上海市', district: '浦东新区' }],
    ['天津河北区', { province: '天津市', city: '天津市', district: '河北区' }],
    ['广州天河体育中心', { province: '广东省', city: '广州市', district: '天河区' }],
    ['苏州工业园区', { province: '江苏省', city: '苏州市', district: '工业园区' }],
    ['吉林市', { province: '吉林省', city: '吉林市' }],
    ['吉林', { province: '吉林省' }],
    ['我老家河南，现在在深圳跑单', { province: '广东省', city: '深圳市' }],
    ['上海南京路', { province: '上海市', city: '上海市' }],
    ['东莞', { province: '广东省', city: '东莞市' }],
  ])('%s', (text, expected) => {
    expect(parsePlace(text)).toEqual(expected);
  });

  it.each(['中山路那边', '和平精英', '在外地', '', '小区门口'])('finds nothing definite in %j', (text) => {
    expect(parsePlace(text)).toBeNull();
  });

  it('knows every provincial-level division by its short name', () => {
    expect(PROVINCES).toHaveLength(34);
    for (const p of PROVINCES) expect(parsePlace(p.short)?.province).toBe(p.full);
  });

  it('formats a municipality once', () => {
    expect(formatPlace({ province: '北京市', city: '北京市', district: '朝阳区' })).toBe('北京市朝阳区');
    expect(formatPlace({ province: '广东省', city: '深圳市' })).toBe('广东省深圳市');
  });
});

describe('stationIn', () => {
  it.each([
    ['美团众包 北京朝阳望京站', '望京站'],
    ['我在深圳南山科技园站跑美团', '科技园站'],
    ['顺丰 朝阳三里屯营业部', '三里屯营业部'],
    ['中通快递天河网点', '天河网点'],
  ])('%s → %s', (text, station) => expect(stationIn(text)).toBe(station));
  it.each(['站长欠我工资', '我们站长跑了', '饿了么 上海浦东', '我们这个站点'])('names no station in %s', (text) => {
    expect(stationIn(text)).toBeUndefined();
  });
});
