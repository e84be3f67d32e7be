// SPDX-License-Identifier: GPL-3.0-or-later
#include "FieldMapEditor.h"

#include "FieldMapDelegate.h"
#include "FieldMapModel.h"
#include "RowProblems.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Gui {

FieldMapEditor::FieldMapEditor(Mapping::SourceKind kind, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_model(new FieldMapModel(undo, this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
{
    const QString prefix
        = kind == Mapping::SourceKind::Order ? QStringLiteral("order") : QStringLiteral("form");
    setObjectName(prefix + QStringLiteral("FieldMapEditor"));
    m_view->setObjectName(prefix + QStringLiteral("FieldMapTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new FieldMapDelegate(kind, m_view));
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                            | QAbstractItemView::EditKeyPressed);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(FieldMapModel::ActiveColumn, 40);
    m_view->setColumnWidth(FieldMapModel::SourceColumn, 200);
    m_view->setColumnWidth(FieldMapModel::TransformColumn, 150);
    m_view->setColumnWidth(FieldMapModel::TargetColumn, 220);
    m_view->setColumnWidth(FieldMapModel::PolicyColumn, 120);
    m_summary->setObjectName(prefix + QStringLiteral("FieldMapSummary"));

    auto *add = new QPushButton(tr("Add a row"), this);
    add->setObjectName(prefix + QStringLiteral("AddRowButton"));
    auto *remove = new QPushButton(tr("Remove the row"), this);
    remove->setObjectName(prefix + QStringLiteral("RemoveRowButton"));
    connect(add, &QPushButton::clicked, m_model, &FieldMapModel::addRow);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_view->currentIndex().isValid())
            m_model->removeRow(m_view->currentIndex().row());
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
}

void FieldMapEditor::setProblems(const QList<Mapping::Problem> &problems)
{
    m_model->setProblems(problems);
    RowProblems::showSummary(m_summary, problems);
}

} // namespace Gui
