/**
 * Placeholder cards while Salesforce answers, shaped like a card (header, detail lines, the record link and a
 * button), so the cards that replace them move what follows as little as possible.
 */
import { Card, Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  // The same gap as the list of cards, and the same width as a card: placeholders and cards take the same room.
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { width: '100%', boxSizing: 'border-box' },
  row: { display: 'grid', gridTemplateColumns: '40px 1fr', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  lines: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
});

/**
 * `label`: announced as a status ("Loading people…"). Left out for a placeholder inside the list of cards, which
 * is itself marked busy: one status a card would repeat the same words for every address still loading.
 */
export function PeoplePanelSkeleton({ count, label }: { count: number; label?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root} {...(label ? { role: 'status', 'aria-label': label } : {})} data-testid="people-skeleton">
      {Array.from({ length: Math.max(1, count) }, (_, i) => (
        <Card key={i} className={styles.card} data-testid="people-skeleton-card">
          <Skeleton aria-hidden>
            <div className={styles.row}>
              <SkeletonItem shape="circle" size={40} />
              <div className={styles.lines}>
                <SkeletonItem size={16} style={{ width: '60%' }} />
                <SkeletonItem size={12} style={{ width: '80%' }} />
              </div>
            </div>
            <div className={styles.body}>
              <SkeletonItem size={16} style={{ width: '85%' }} />
              <SkeletonItem size={16} style={{ width: '55%' }} />
              <SkeletonItem size={16} style={{ width: '65%' }} />
              <SkeletonItem size={16} style={{ width: '50%' }} />
              <SkeletonItem size={24} style={{ width: '35%' }} />
            </div>
          </Skeleton>
        </Card>
      ))}
    </div>
  );
}
