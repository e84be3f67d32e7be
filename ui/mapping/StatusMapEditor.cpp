// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusMapEditor.h"

#include "ChoiceDelegate.h"
#include "RowProblems.h"
#include "StatusMapModel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Gui {

using Mapping::StatusMap;

namespace {

void fill(QComboBox *combo, const QList<Choice> &choices, const QVariant &current)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const Choice &choice : choices)
        combo->addItem(choice.icon, choice.text, choice.value);
    combo->setCurrentIndex(combo->findData(current));
}

} // namespace

StatusMapEditor::StatusMapEditor(QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_model(new StatusMapModel(undo, this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_toCrm(new QComboBox(this))
    , m_toCrmStage(new QComboBox(this))
    , m_fromCrm(new QComboBox(this))
    , m_fromCrmStatus(new QComboBox(this))
{
    setObjectName(QStringLiteral("statusMapEditor"));
    m_view->setObjectName(QStringLiteral("statusMapTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(
        new ChoiceDelegate([this](const QModelIndex &index) { return m_model->choices(index); }, m_view));
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                            | QAbstractItemView::EditKeyPressed);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    // The columns share the width the splitter leaves (no sideways scrolling at 1280 px): the names
    // stretch and are elided (the whole text is the tooltip), the direction takes what it needs, the
    // problem keeps a width of its own (its text is the row's tooltip too).
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(60);
    header->setSectionResizeMode(StatusMapModel::ShopStatusColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(StatusMapModel::DirectionColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(StatusMapModel::StageColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(StatusMapModel::ProblemColumn, QHeaderView::Interactive);
    m_view->setColumnWidth(StatusMapModel::ProblemColumn, 160);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setWordWrap(false);

    m_summary->setObjectName(QStringLiteral("statusMapSummary"));
    m_summary->setWordWrap(true);
    auto *add = new QPushButton(tr("Add a row"), this);
    add->setObjectName(QStringLiteral("statusAddRowButton"));
    auto *remove = new QPushButton(tr("Remove the row"), this);
    remove->setObjectName(QStringLiteral("statusRemoveRowButton"));
    auto *propose = new QPushButton(tr("Propose rows by name"), this);
    propose->setObjectName(QStringLiteral("statusProposeButton"));
    propose->setToolTip(tr("Adds a row for every shop status without one whose name matches a CRM stage "
                           "(«Новый» → the first stage, «Выполнен» → won, «Отменён» → lost). "
                           "Review the rows, then save."));
    connect(add, &QPushButton::clicked, this, [this] {
        m_model->addRow();
        const QModelIndex added = m_model->index(m_model->rowCount() - 1, StatusMapModel::ShopStatusColumn);
        m_view->setCurrentIndex(added);
        m_view->edit(added);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_view->currentIndex().isValid())
            m_model->removeRow(m_view->currentIndex().row());
    });
    connect(propose, &QPushButton::clicked, this, &StatusMapEditor::propose);

    m_toCrm->setObjectName(QStringLiteral("unmappedToCrm"));
    m_toCrm->addItem(tr("the deal stays in its stage"), int(StatusMap::UnmappedToCrm::LeaveStage));
    m_toCrm->addItem(tr("the deal moves to this stage:"), int(StatusMap::UnmappedToCrm::DefaultStage));
    m_toCrmStage->setObjectName(QStringLiteral("unmappedToCrmStage"));
    m_fromCrm->setObjectName(QStringLiteral("unmappedFromCrm"));
    m_fromCrm->addItem(tr("the shop's status stays"), int(StatusMap::UnmappedFromCrm::Ignore));
    m_fromCrm->addItem(tr("the order gets this status:"), int(StatusMap::UnmappedFromCrm::DefaultStatus));
    m_fromCrmStatus->setObjectName(QStringLiteral("unmappedFromCrmStatus"));
    m_toCrm->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_fromCrm->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (QComboBox *combo : { m_toCrmStage, m_fromCrmStatus }) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
    }
    for (QComboBox *combo : { m_toCrm, m_toCrmStage, m_fromCrm, m_fromCrmStatus }) {
        connect(combo, &QComboBox::activated, this, &StatusMapEditor::editUnmappedRules);
    }
    auto *unmapped = new QGroupBox(tr("Statuses nobody mapped"), this);
    auto *rules = new QFormLayout(unmapped);
    auto *toCrm = new QHBoxLayout;
    toCrm->addWidget(m_toCrm);
    toCrm->addWidget(m_toCrmStage, 1);
    auto *fromCrm = new QHBoxLayout;
    fromCrm->addWidget(m_fromCrm);
    fromCrm->addWidget(m_fromCrmStatus, 1);
    rules->addRow(tr("A shop status without a row:"), toCrm);
    rules->addRow(tr("A CRM stage without a row:"), fromCrm);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(propose);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(unmapped);
    connect(m_model, &StatusMapModel::edited, this, &StatusMapEditor::showUnmappedRules);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StatusMapEditor::showUnmappedRules);
    showUnmappedRules();
}

void StatusMapEditor::setProblems(const QList<Mapping::Problem> &problems)
{
    m_model->setProblems(problems);
    RowProblems::showSummary(m_summary, problems);
}

int StatusMapEditor::propose()
{
    const int added = m_model->proposeRows();
    if (added == 0)
        m_summary->setText(tr("No shop status without a row matches a CRM stage by name."));
    return added;
}

void StatusMapEditor::showUnmappedRules()
{
    const StatusMap map = m_model->statusMap();
    {
        const QSignalBlocker a(m_toCrm);
        const QSignalBlocker b(m_fromCrm);
        m_toCrm->setCurrentIndex(m_toCrm->findData(int(map.unmappedToCrm)));
        m_fromCrm->setCurrentIndex(m_fromCrm->findData(int(map.unmappedFromCrm)));
    }
    fill(m_toCrmStage, m_model->stageChoices(),
         StatusMapModel::stageKey(map.defaultPipelineId, map.defaultStageId));
    fill(m_fromCrmStatus, m_model->shopStatusChoices(), map.defaultShopStatusId);
    m_toCrmStage->setEnabled(map.unmappedToCrm == StatusMap::UnmappedToCrm::DefaultStage);
    m_fromCrmStatus->setEnabled(map.unmappedFromCrm == StatusMap::UnmappedFromCrm::DefaultStatus);
}

void StatusMapEditor::editUnmappedRules()
{
    StatusMap after = m_model->statusMap();
    after.unmappedToCrm = StatusMap::UnmappedToCrm(m_toCrm->currentData().toInt());
    after.unmappedFromCrm = StatusMap::UnmappedFromCrm(m_fromCrm->currentData().toInt());
    after.defaultPipelineId.clear();
    after.defaultStageId.clear();
    if (after.unmappedToCrm == StatusMap::UnmappedToCrm::DefaultStage && m_toCrmStage->currentIndex() >= 0) {
        const QString key = m_toCrmStage->currentData().toString();
        after.defaultPipelineId = key.section(QLatin1Char(':'), 0, 0);
        after.defaultStageId = key.section(QLatin1Char(':'), 1);
    }
    after.defaultShopStatusId = after.unmappedFromCrm == StatusMap::UnmappedFromCrm::DefaultStatus
        ? m_fromCrmStatus->currentData().toString()
        : QString();
    if (!(after == m_model->statusMap()))
        m_model->changeStatusMap(after, tr("Change the rules for unmapped statuses"));
    showUnmappedRules();
}

} // namespace Gui
