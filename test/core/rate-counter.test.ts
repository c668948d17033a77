/** The in-memory rate counter passes the rate counter contract; one instance holds every handle. */
import { MemoryRateCounter } from '../../src/core/rate-counter.js';
import { describeRateCounterContract } from '../contracts/rate-counter.contract.js';

const counter = new MemoryRateCounter();
describeRateCounterContract('in memory', async () => counter, async () => undefined);
