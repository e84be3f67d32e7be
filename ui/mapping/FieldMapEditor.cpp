// SPDX-License-Identifier: GPL-3.0-or-later
#include "FieldMapEditor.h"

#include "FieldMapDelegate.h"
#include "FieldMapModel.h"
#include "FieldRowDetails.h"
#include "RowProblems.h"
#include "common/ElidingHeader.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Gui {

FieldMapEditor::FieldMapEditor(Mapping::SourceKind kind, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_model(new FieldMapModel(undo, this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_details(new FieldRowDetails(m_model, kind, this))
    , m_autoCreate(new QCheckBox(tr("Create missing fields in the CRM"), this))
{
    const QString prefix
        = kind == Mapping::SourceKind::Order ? QStringLiteral("order") : QStringLiteral("form");
    setObjectName(prefix + QStringLiteral("FieldMapEditor"));
    m_view->setObjectName(prefix + QStringLiteral("FieldMapTable"));
    m_view->setHorizontalHeader(new ElidingHeader(m_view));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new FieldMapDelegate(kind, m_view));
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                            | QAbstractItemView::EditKeyPressed);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // The columns share the width the splitter leaves (no sideways scrolling at 1280 px): source,
    // target and problem stretch and elide (the whole text is in the row details and tooltips).
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(36);
    header->setSectionResizeMode(FieldMapModel::ActiveColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FieldMapModel::SourceColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FieldMapModel::TransformColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(FieldMapModel::TargetColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FieldMapModel::PolicyColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(FieldMapModel::ProblemColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(FieldMapModel::TransformColumn, 110);
    m_view->setColumnWidth(FieldMapModel::PolicyColumn, 110);
    m_view->setTextElideMode(Qt::ElideRight);
    m_summary->setObjectName(prefix + QStringLiteral("FieldMapSummary"));
    m_summary->setWordWrap(true);
    m_autoCreate->setObjectName(prefix + QStringLiteral("AutoCreateSwitch"));
    m_autoCreate->setToolTip(tr("The connection's consent: a row whose CRM field does not exist yet makes "
                                "CRM Bridge create that field before it is first used. Saved with the "
                                "mapping."));

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
    buttons->addWidget(m_autoCreate);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_view, 1);
    topLayout->addLayout(buttons);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 420, 160 }); // the grid first; the details take what they need
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { m_details->showRow(current.isValid() ? current.row() : -1); });
}

void FieldMapEditor::setProblems(const QList<Mapping::Problem> &problems)
{
    m_model->setProblems(problems);
    RowProblems::showSummary(m_summary, problems);
}

} // namespace Gui
