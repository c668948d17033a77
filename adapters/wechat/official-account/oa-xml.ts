/**
 * The flat XML WeChat posts to an official account's server, and the passive
 * text reply it accepts back. WeChat's messages are one level deep, so a small
 * reader is enough and keeps the adapter free of an XML dependency.
 */

/** One message or event as WeChat posts it (field names as in WeChat's documentation). */
export interface OfficialAccountInbound {
  ToUserName: string;
  FromUserName: string;
  CreateTime: string;
  MsgType: string;
  MsgId?: string;
  Content?: string;
  PicUrl?: string;
  MediaId?: string;
  Format?: string;
  Recognition?: string;
  Location_X?: string;
  Location_Y?: string;
  Label?: string;
  Title?: string;
  Description?: string;
  Url?: string;
  Event?: string;
  EventKey?: string;
  Encrypt?: string;
  [field: string]: string | undefined;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Read WeChat's XML body; throws a plain Error when it is not the `<xml>` envelope WeChat sends. */
export function parseOfficialAccountXml(body: string): OfficialAccountInbound {
  const envelope = /^\s*(?:<\?xml[^>]*\?>\s*)?<xml>([\s\S]*)<\/xml>\s*$/.exec(body);
  if (!envelope) throw new Error('body is not a WeChat <xml> message');
  const fields: Record<string, string> = {};
  const fieldPattern = /<([A-Za-z_][\w]*)>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/\1>/g;
  for (const match of envelope[1].matchAll(fieldPattern)) {
    fields[match[1]] = match[2] !== undefined ? match[2] : decodeEntities(match[3] ?? '');
  }
  for (const required of ['ToUserName', 'FromUserName', 'MsgType'] as const) {
    if (!fields[required]) throw new Error(`WeChat message lacks <${required}>`);
  }
  return fields as OfficialAccountInbound;
}

function cdata(text: string): string {
  // "]]>" would end the section early; split it across two sections instead.
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** Build the passive text reply for the message `inbound` (sender and receiver swap places). */
export function buildPassiveTextReply(inbound: OfficialAccountInbound, content: string, now: Date): string {
  return [
    '<xml>',
    `<ToUserName>${cdata(inbound.FromUserName)}</ToUserName>`,
    `<FromUserName>${cdata(inbound.ToUserName)}</FromUserName>`,
    `<CreateTime>${Math.floor(now.getTime() / 1000)}</CreateTime>`,
    `<MsgType>${cdata('text')}</MsgType>`,
    `<Content>${cdata(content)}</Content>`,
    '</xml>',
  ].join('');
}
