// SPDX-License-Identifier: GPL-3.0-or-later
#include "ElidingHeader.h"

#include <QHelpEvent>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QToolTip>

namespace Gui {

ElidingHeader::ElidingHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(true);
    setHighlightSections(true);
}

QString ElidingHeader::elided(const QString &title, int logicalIndex) const
{
    QStyleOptionHeader option;
    initStyleOption(&option);
    const int margin = style()->pixelMetric(QStyle::PM_HeaderMargin, &option, this);
    const int room = sectionSize(logicalIndex) - 2 * margin;
    return fontMetrics().elidedText(title, Qt::ElideRight, std::max(0, room));
}

QString ElidingHeader::shownTitle(int logicalIndex) const
{
    return elided(model() ? model()->headerData(logicalIndex, orientation()).toString() : QString(),
                  logicalIndex);
}

void ElidingHeader::initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const
{
    QHeaderView::initStyleOptionForIndex(option, logicalIndex);
    option->text = elided(option->text, logicalIndex);
}

bool ElidingHeader::viewportEvent(QEvent *event)
{
    // The whole title as the tooltip of a cut one, whatever the model says.
    if (event->type() == QEvent::ToolTip && model()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int section = logicalIndexAt(help->pos());
        if (section >= 0) {
            const QString title = model()->headerData(section, orientation()).toString();
            if (elided(title, section) != title) {
                QToolTip::showText(help->globalPos(), title, this);
                return true;
            }
        }
    }
    return QHeaderView::viewportEvent(event);
}

} // namespace Gui
