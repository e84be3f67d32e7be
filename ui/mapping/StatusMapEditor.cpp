// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusMapEditor.h"

#include "ChoiceDelegate.h"
#include "StatusMapModel.h"

#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

namespace Gui {

StatusMapEditor::StatusMapEditor(QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_model(new StatusMapModel(undo, this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("statusMapEditor"));
    m_view->setObjectName(QStringLiteral("statusMapTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ChoiceDelegate(
        [](const QModelIndex &index) {
            QList<Choice> choices;
            if (index.column() == StatusMapModel::DirectionColumn) {
                for (Mapping::StatusRow::Direction direction : StatusMapModel::directions())
                    choices.append({ StatusMapModel::directionText(direction),
                                     Mapping::StatusRow::directionName(direction) });
            }
            return choices;
        },
        m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    // The columns share the width the splitter leaves (no sideways scrolling at 1100 px): the names
    // stretch and are elided (the whole name is the tooltip), the direction takes what it needs and
    // the problem column keeps a narrow width (its text is the row's tooltip too).
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(60);
    header->setSectionResizeMode(StatusMapModel::ShopStatusColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(StatusMapModel::DirectionColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(StatusMapModel::StageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(StatusMapModel::ProblemColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(StatusMapModel::ProblemColumn, 110);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setWordWrap(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
}

} // namespace Gui
