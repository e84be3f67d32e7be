// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHeaderView>

namespace Gui {

/**
 * A table's horizontal header whose titles end in "…" when a column is narrower than its title, with
 * the whole title as the tooltip (Qt 6.4's header cuts a title off at both ends instead). GUI thread;
 * owned by its view (QTableView::setHorizontalHeader).
 */
class ElidingHeader : public QHeaderView
{
    Q_OBJECT
public:
    explicit ElidingHeader(QWidget *parent = nullptr);

    /** The title as drawn at the column's current width. */
    QString shownTitle(int logicalIndex) const;

protected:
    void initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const override;
    bool viewportEvent(QEvent *event) override;

private:
    QString elided(const QString &title, int logicalIndex) const;
};

} // namespace Gui
