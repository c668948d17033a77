/** The shared adapter contract, run against the WeChat adapter in puppet mode on a real Wechaty with wechaty-puppet-mock. */
import { vi } from 'vitest';
import { createWechatAdapter, type WechatAdapter } from '../../../adapters/wechat/index.js';
import { describeAdapterContract, type AdapterContractHarness, type PlatformDelivery } from '../../contracts/adapter.contract.js';
import { createMockWechatPeer, type MockWechatPeer } from './mock-peer.js';

function wechatPuppetHarness(): AdapterContractHarness {
  let peer: MockWechatPeer;
  let adapter: WechatAdapter;
  // The mock puppet has no acknowledgement: handing the message over is all a real puppet does too.
  const handedOver = (ref: string): PlatformDelivery => ({ acknowledged: true, ref });

  return {
    channel: 'wechat',
    async start(bot) {
      peer = createMockWechatPeer();
      adapter = createWechatAdapter({ mode: 'puppet', puppetInstance: peer.puppet, sleep: async () => {} });
      await adapter.start(bot);
      peer.login();
      await vi.waitFor(() => {
        if (!adapter.canReach('wechat:x')) throw new Error('not logged in yet');
      });
      return adapter;
    },
    async stop() {
      await adapter.stop();
    },
    async deliverText(input) {
      return handedOver(peer.say(input));
    },
    async deliverPhoto({ user, data }) {
      return handedOver(peer.sendPhoto(user, data));
    },
    async pressButton({ user, label, on }) {
      const number = on.choices.findIndex((choice) => choice.label === label) + 1;
      return handedOver(peer.say({ user, text: String(number) }));
    },
    async redeliver(delivery) {
      peer.redeliver(delivery.ref as string);
      return handedOver(delivery.ref as string);
    },
    async received() {
      return [...peer.sent];
    },
  };
}

describeAdapterContract('wechat (puppet mode, wechaty-puppet-mock)', wechatPuppetHarness);
