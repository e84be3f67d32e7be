// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoutingView.h"

#include "RoutingModel.h"
#include "mapping/CategoryTree.h"
#include "model/ShopOrder.h"
#include "store/JobRepo.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Gui {

RoutingView::RoutingView(std::shared_ptr<Storage::Database> db, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_model(new RoutingModel(this))
    , m_order(new QLineEdit(this))
    , m_answer(new QLabel(this))
{
    setObjectName(QStringLiteral("routingView"));
    auto *table = new QTableView(this);
    table->setObjectName(QStringLiteral("routingTable"));
    table->setModel(m_model);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(RoutingModel::CategoryColumn, 180);
    table->setColumnWidth(RoutingModel::PipelineColumn, 140);
    table->setColumnWidth(RoutingModel::StageColumn, 180);
    m_order->setObjectName(QStringLiteral("routingOrder"));
    m_order->setPlaceholderText(tr("Order number"));
    m_answer->setObjectName(QStringLiteral("routingAnswer"));
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *ask = new QPushButton(tr("Which rule matches?"), this);
    ask->setObjectName(QStringLiteral("routingAskButton"));

    auto *question = new QHBoxLayout;
    question->addWidget(m_order, 1);
    question->addWidget(ask);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table, 1);
    layout->addLayout(question);
    layout->addWidget(m_answer);
    const auto answer = [this] { m_answer->setText(explain(m_order->text())); };
    connect(ask, &QPushButton::clicked, this, answer);
    connect(m_order, &QLineEdit::returnPressed, this, answer);
}

void RoutingView::setMapping(const Mapping::MappingSet &set, const Crm::CrmSchema &schema)
{
    m_set = set;
    m_schema = schema;
    m_model->setRouting(set.routing, schema);
}

QString RoutingView::explain(const QString &orderNumber) const
{
    const QString number = orderNumber.trimmed();
    if (number.isEmpty())
        return {};
    Store::JobQuery query;
    query.text = number;
    query.limit = 50;
    auto jobs = Store::JobRepo(m_db).search(query);
    if (jobs) {
        for (const Store::Job &job : jobs.value()) {
            if (job.kind != QLatin1String("order.created") || job.reference != number)
                continue;
            // The shop's category tree is not cached in the store: rules match the products' own
            // categories here; the lane, which has the tree, also walks up to the parents.
            const Mapping::RouteResult result = m_set.routing.route(Model::ShopOrder::fromJson(job.payload),
                                                                    Mapping::CategoryTree(), &m_schema);
            return result.explanation;
        }
    }
    return tr("Order %1 is not in the queue.").arg(number);
}

} // namespace Gui
