// SPDX-License-Identifier: GPL-3.0-or-later
#include "ColumnFit.h"

#include <QHeaderView>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTableView>

namespace Gui::ColumnFit {

namespace {

/** The width the view's delegate asks for a cell showing @p text, as QStyledItemDelegate::sizeHint
 *  measures it, plus the grid line. */
int cellWidth(const QTableView *view, const QString &text)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    option.fontMetrics = view->fontMetrics();
    option.features = QStyleOptionViewItem::HasDisplay;
    option.text = text;
    const QSize size = view->style()->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), view);
    return size.width() + (view->showGrid() ? 1 : 0);
}

} // namespace

int fit(QTableView *view, int column, const QStringList &samples, int extra)
{
    int width = view->horizontalHeader()->sectionSizeHint(column);
    for (const QString &sample : samples)
        width = std::max(width, cellWidth(view, sample) + extra);
    view->setColumnWidth(column, width);
    return width;
}

bool headerFits(const QTableView *view, int column)
{
    const QHeaderView *header = view->horizontalHeader();
    return header->sectionSize(column) >= header->sectionSizeHint(column);
}

} // namespace Gui::ColumnFit
