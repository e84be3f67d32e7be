// SPDX-License-Identifier: GPL-3.0-or-later
#include "CodeMapEditor.h"

#include "ChoiceDelegate.h"
#include "CodeMapModel.h"
#include "PaidStatusModel.h"
#include "RowProblems.h"
#include "SnapshotCommand.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Gui {

CodeMapEditor::CodeMapEditor(QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_undo(undo)
    , m_deliveryModel(new CodeMapModel(Source::MethodKind::Delivery, undo, this))
    , m_paymentModel(new CodeMapModel(Source::MethodKind::Payment, undo, this))
    , m_paidModel(new PaidStatusModel(undo, this))
    , m_deliveryView(tableFor(m_deliveryModel, QStringLiteral("deliveryCodeTable")))
    , m_paymentView(tableFor(m_paymentModel, QStringLiteral("paymentCodeTable")))
    , m_paidView(new QListView(this))
    , m_paidPaymentStatus(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_notRead(new QLabel(tr("The shop's delivery and payment methods are not known yet: they are read "
                              "from the shop database when the exchange starts."),
                           this))
{
    setObjectName(QStringLiteral("codeMapEditor"));
    auto *intro = new QLabel(tr("The CRM accepts an order's delivery and payment only as one of its own "
                                "types: pick the type for each of the shop's methods."),
                             this);
    intro->setWordWrap(true);
    m_notRead->setObjectName(QStringLiteral("codeMapNotRead"));
    m_notRead->setWordWrap(true);
    m_notRead->hide();

    m_paidView->setObjectName(QStringLiteral("paidStatusList"));
    m_paidView->setModel(m_paidModel);
    m_paidView->setFlow(QListView::LeftToRight);
    m_paidView->setWrapping(true);
    m_paidView->setResizeMode(QListView::Adjust);
    m_paidView->setSpacing(2);
    m_paidView->setFixedHeight(m_paidView->fontMetrics().height() * 3 + 16);
    m_paidPaymentStatus->setObjectName(QStringLiteral("paidPaymentStatusCombo"));
    m_paidPaymentStatus->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *paid = new QGroupBox(tr("Paid orders"), this);
    auto *paidLayout = new QFormLayout(paid);
    paidLayout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    paidLayout->addRow(tr("Shop statuses that mean paid:"), m_paidView);
    paidLayout->addRow(tr("CRM payment status then:"), m_paidPaymentStatus);
    m_summary->setObjectName(QStringLiteral("codeMapSummary"));
    m_summary->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_notRead);
    layout->addWidget(m_deliveryView, 1);
    layout->addWidget(m_paymentView, 1);
    layout->addWidget(paid);
    layout->addWidget(m_summary);
    layout->addStretch(0); // what the tables do not need stays below them

    connect(m_deliveryModel, &CodeMapModel::edited, this, &CodeMapEditor::edited);
    connect(m_paymentModel, &CodeMapModel::edited, this, &CodeMapEditor::edited);
    connect(m_paidModel, &PaidStatusModel::edited, this, &CodeMapEditor::edited);
    connect(m_paidPaymentStatus, &QComboBox::activated, this, [this](int index) {
        const QString code = m_paidPaymentStatus->itemData(index).toString();
        if (code == m_paidPaymentStatusCode)
            return;
        const QString name = m_paidPaymentStatus->itemText(index);
        m_undo->push(new SnapshotCommand<QString>([this](const QString &c) { applyPaidPaymentStatus(c); },
                                                  m_paidPaymentStatusCode, code,
                                                  tr("Send paid orders as %1").arg(name)));
    });
}

QTableView *CodeMapEditor::tableFor(CodeMapModel *model, const QString &name)
{
    auto *view = new QTableView(this);
    view->setObjectName(name);
    view->setModel(model);
    view->setItemDelegate(
        new ChoiceDelegate([model](const QModelIndex &index) { return model->choices(index); }, view));
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setColumnWidth(CodeMapModel::ShopMethodColumn, 180);
    view->setColumnWidth(CodeMapModel::CodeColumn, 190);
    // A combo on every row (the code is the one thing to pick here), and no more height than the rows
    // need: a shop has a handful of methods.
    const auto fitRows = [view, model] {
        for (int row = 0; row < model->rowCount(); ++row)
            view->openPersistentEditor(model->index(row, CodeMapModel::CodeColumn));
        const int rows = std::max(model->rowCount(), 1);
        view->setMaximumHeight(view->horizontalHeader()->sizeHint().height()
                               + rows * view->verticalHeader()->defaultSectionSize() + 2 * view->frameWidth()
                               + view->horizontalScrollBar()->sizeHint().height());
    };
    connect(model, &QAbstractItemModel::modelReset, view, fitRows);
    return view;
}

void CodeMapEditor::setCodeMaps(const Mapping::CodeMaps &maps, const Crm::CrmSchema &schema, const Shop &shop)
{
    m_deliveryModel->setRows(maps.delivery, schema.dictionaries.value(QStringLiteral("delivery-types")),
                             shop.deliveries);
    m_paymentModel->setRows(maps.payment, schema.dictionaries.value(QStringLiteral("payment-types")),
                            shop.payments);
    m_paidModel->setStatuses(maps.paidStatuses, shop.statuses);
    m_notRead->setVisible(shop.deliveries.isEmpty() && shop.payments.isEmpty());
    m_paymentStatuses = schema.dictionaries.value(QStringLiteral("payment-statuses"));
    m_paidPaymentStatusCode = maps.paidPaymentStatus;
    fillPaidPaymentStatuses();
}

Mapping::CodeMaps CodeMapEditor::codeMaps() const
{
    Mapping::CodeMaps maps;
    maps.delivery = m_deliveryModel->rows();
    maps.payment = m_paymentModel->rows();
    maps.paidStatuses = m_paidModel->paidStatuses();
    maps.paidPaymentStatus = m_paidPaymentStatusCode;
    return maps;
}

void CodeMapEditor::applyPaidPaymentStatus(const QString &code)
{
    m_paidPaymentStatusCode = code;
    fillPaidPaymentStatuses();
    Q_EMIT edited();
}

void CodeMapEditor::fillPaidPaymentStatuses()
{
    m_paidPaymentStatus->clear();
    for (const Crm::FieldEnum &entry : std::as_const(m_paymentStatuses))
        m_paidPaymentStatus->addItem(entry.value.isEmpty() ? entry.id : entry.value, entry.id);
    if (m_paidPaymentStatus->findData(m_paidPaymentStatusCode) < 0)
        m_paidPaymentStatus->addItem(m_paidPaymentStatusCode.isEmpty()
                                         ? tr("(none)")
                                         : tr("%1 (not in the CRM)").arg(m_paidPaymentStatusCode),
                                     m_paidPaymentStatusCode);
    m_paidPaymentStatus->setCurrentIndex(m_paidPaymentStatus->findData(m_paidPaymentStatusCode));
}

void CodeMapEditor::setProblems(const QList<Mapping::Problem> &problems)
{
    m_deliveryModel->setProblems(problems);
    m_paymentModel->setProblems(problems);
    // A shop has a handful of methods: every reason in full under the tables, not only in the narrow
    // problem column.
    QList<Mapping::Problem> spelledOut = problems;
    for (Mapping::Problem &problem : spelledOut)
        problem.rowId.clear();
    RowProblems::showSummary(m_summary, spelledOut);
}

} // namespace Gui
