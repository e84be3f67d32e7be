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
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(StatusMapModel::ShopStatusColumn, 200);
    m_view->setColumnWidth(StatusMapModel::DirectionColumn, 160);
    m_view->setColumnWidth(StatusMapModel::StageColumn, 280);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
}

} // namespace Gui
