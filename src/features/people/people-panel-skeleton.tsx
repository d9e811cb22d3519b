/** Placeholder cards while Salesforce answers: the same height as a card, so nothing jumps when they arrive. */
import { Card, Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '40px 1fr', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function PeoplePanelSkeleton({ count, label }: { count: number; label: string }) {
  const styles = useStyles();
  return (
    <div role="status" aria-label={label} data-testid="people-skeleton">
      {Array.from({ length: Math.max(1, count) }, (_, i) => (
        <Card key={i} style={{ marginBottom: tokens.spacingVerticalS }}>
          <Skeleton aria-hidden>
            <div className={styles.row}>
              <SkeletonItem shape="circle" size={40} />
              <div className={styles.lines}>
                <SkeletonItem size={16} style={{ width: '60%' }} />
                <SkeletonItem size={12} style={{ width: '80%' }} />
                <SkeletonItem size={12} style={{ width: '40%' }} />
              </div>
            </div>
          </Skeleton>
        </Card>
      ))}
    </div>
  );
}
