/** Every worker-facing sentence the WeChat adapter writes itself, Chinese first. */
import type { BiText } from '../../src/core/i18n.js';

/** Sent as the passive reply when the real answer will not be ready within WeChat's 5 seconds. */
export const LOOKING_IT_UP: BiText = {
  'zh-CN': '正在为您查询，请稍候…',
  en: 'Looking this up for you, one moment…',
};

/** Placeholder text for a photo, so the core sees something even when the caption is empty. */
export const PHOTO_PLACEHOLDER: BiText = {
  'zh-CN': '[图片]',
  en: '[photo]',
};

/** Placeholder text for a voice message without speech recognition. */
export const VOICE_PLACEHOLDER: BiText = {
  'zh-CN': '[语音]',
  en: '[voice message]',
};

/** Placeholder text for a video. */
export const VIDEO_PLACEHOLDER: BiText = {
  'zh-CN': '[视频]',
  en: '[video]',
};

/** Placeholder text for a file. */
export const FILE_PLACEHOLDER: BiText = {
  'zh-CN': '[文件] {name}',
  en: '[file] {name}',
};

/** A shared location, written out so it reaches the case as text. */
export const LOCATION_TEXT: BiText = {
  'zh-CN': '[位置] {label}（{lat}, {lng}）',
  en: '[location] {label} ({lat}, {lng})',
};

/** A shared link, written out so it reaches the case as text. */
export const LINK_TEXT: BiText = {
  'zh-CN': '[链接] {title} {url}',
  en: '[link] {title} {url}',
};

/** A message kind we cannot read, still passed on so nothing the worker sends is lost. */
export const UNSUPPORTED_MESSAGE: BiText = {
  'zh-CN': '[暂不支持的消息类型：{kind}]',
  en: '[message type not supported yet: {kind}]',
};
