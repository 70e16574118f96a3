// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, render } from '@testing-library/preact';
import { BarChart } from '../../../components/admin/BarChart';

const data = [
  { key: 'SALES-PRO-2', label: 'SALES-PRO-2 Deal Approval Status', value: 4 },
  { key: 'REC-1', label: 'REC-1 Contact name, email, stage', value: 9 },
  { key: 'LC-1', label: 'LC-1 Lifecycle stage set', value: 1 },
];

describe('BarChart', () => {
  test('labels every bar with its text and count, largest first (readable without colour)', () => {
    const { container } = render(<BarChart title="Violations by rule" data={data} />);
    const rows = [...container.querySelectorAll('svg g')].map((g) => g.textContent);
    expect(rows[0]).toContain('REC-1');
    expect(rows[0]).toContain('9');
    expect(rows.map((r) => r?.match(/\d+$/)?.[0])).toEqual(['9', '4', '1']);
    expect(container.querySelector('svg')?.getAttribute('role')).toBe('img');
    expect(container.querySelector('table caption')?.textContent).toBe('Violations by rule');
  });

  test('groups the tail into Others and reports clicks on real groups', () => {
    const onSelect = vi.fn();
    const { container } = render(<BarChart title="By owner" data={data} max={2} onSelect={onSelect} />);
    const groups = container.querySelectorAll('svg g');
    expect(groups).toHaveLength(3);
    expect(groups[2]?.textContent).toContain('Others (1)');
    fireEvent.click(groups[0]!);
    fireEvent.click(groups[2]!);
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect).toHaveBeenCalledWith('REC-1');
  });

  test('says so when there is nothing to chart', () => {
    const { getByText } = render(<BarChart title="By stage" data={[]} empty="No violations." />);
    expect(getByText('No violations.')).toBeTruthy();
  });
});
