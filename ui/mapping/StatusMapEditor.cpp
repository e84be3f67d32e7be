// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusMapEditor.h"

#include "StatusMapModel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace Gui {

namespace {

class DirectionDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        if (index.column() != StatusMapModel::DirectionColumn)
            return QStyledItemDelegate::createEditor(parent, option, index);
        auto *combo = new QComboBox(parent);
        using D = Mapping::StatusRow::Direction;
        for (D direction : { D::Both, D::ToCrm, D::FromCrm, D::DontSend })
            combo->addItem(StatusMapModel::directionText(direction),
                           Mapping::StatusRow::directionName(direction));
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            model->setData(index, combo->currentData(), Qt::EditRole);
    }
};

} // namespace

StatusMapEditor::StatusMapEditor(QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_model(new StatusMapModel(undo, this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("statusMapEditor"));
    m_view->setObjectName(QStringLiteral("statusMapTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new DirectionDelegate(m_view));
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
