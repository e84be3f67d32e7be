// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoutingView.h"

#include "ChoiceDelegate.h"
#include "RouteFields.h"
#include "RoutingTreeModel.h"
#include "RowProblems.h"
#include "SnapshotCommand.h"
#include "model/ShopOrder.h"
#include "source/SourceRepo.h"
#include "store/CategoryCacheRepo.h"
#include "store/JobRepo.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Gui {

using Mapping::CategoryRouting;

namespace {

/** The order-property paths a fresh routing reads (seed 001's "amoCRMFields"). */
const CategoryRouting kFresh;

} // namespace

RoutingView::RoutingView(std::shared_ptr<Storage::Database> db, QUndoStack *undo, QWidget *parent)
    : QWidget(parent)
    , m_db(std::move(db))
    , m_undo(undo)
    , m_model(new RoutingTreeModel(undo, this))
    , m_tree(new QTreeView(this))
    , m_treeNote(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_default(new RouteFields(QStringLiteral("routingDefault"), tr("(main pipeline)"), this))
    , m_forms(new RouteFields(QStringLiteral("routingForms"), tr("(main pipeline)"), this))
    , m_categoryWins(new QCheckBox(tr("The category beats the pipeline the order asks for"), this))
    , m_orderProperties(new QCheckBox(tr("Use the pipeline the order carries (amoCRMFields)"), this))
    , m_order(new QLineEdit(this))
    , m_answer(new QLabel(this))
{
    setObjectName(QStringLiteral("routingView"));
    m_tree->setObjectName(QStringLiteral("routingTree"));
    m_tree->setModel(m_model);
    m_tree->setItemDelegate(
        new ChoiceDelegate([this](const QModelIndex &index) { return m_model->choices(index); }, m_tree));
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::SelectedClicked
                            | QAbstractItemView::EditKeyPressed);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setUniformRowHeights(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(RoutingTreeModel::CategoryColumn, QHeaderView::ResizeToContents);
    for (int column = RoutingTreeModel::PipelineColumn; column < RoutingTreeModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::Stretch);
    m_treeNote->setObjectName(QStringLiteral("routingTreeNote"));
    m_treeNote->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("routingSummary"));
    m_summary->setWordWrap(true);
    m_categoryWins->setObjectName(QStringLiteral("routingCategoryWins"));
    m_orderProperties->setObjectName(QStringLiteral("routingOrderProperties"));
    m_orderProperties->setToolTip(tr("A shop that fills amoCRMFields.pipeline_id, status_id and "
                                     "responsible_user_id in the order's properties chooses the pipeline, "
                                     "stage and responsible user itself."));
    m_order->setObjectName(QStringLiteral("routingOrder"));
    m_order->setPlaceholderText(tr("Order number"));
    m_answer->setObjectName(QStringLiteral("routingAnswer"));
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *ask = new QPushButton(tr("Which rule matches?"), this);
    ask->setObjectName(QStringLiteral("routingAskButton"));

    auto *settings = new QGroupBox(tr("Everything else"), this);
    auto *form = new QFormLayout(settings);
    form->addRow(tr("Orders no category routes:"), m_default);
    form->addRow(tr("Requests from web forms:"), m_forms);
    form->addRow(m_categoryWins);
    form->addRow(m_orderProperties);

    auto *question = new QHBoxLayout;
    question->addWidget(m_order, 1);
    question->addWidget(ask);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_treeNote);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_summary);
    layout->addWidget(settings);
    layout->addLayout(question);
    layout->addWidget(m_answer);
    const auto answer = [this] { m_answer->setText(explain(m_order->text())); };
    connect(ask, &QPushButton::clicked, this, answer);
    connect(m_order, &QLineEdit::returnPressed, this, answer);
    connect(m_default, &RouteFields::picked, this, &RoutingView::editSettings);
    connect(m_categoryWins, &QCheckBox::clicked, this, &RoutingView::editSettings);
    connect(m_orderProperties, &QCheckBox::clicked, this, &RoutingView::editSettings);
    connect(m_forms, &RouteFields::picked, this, [this] {
        const RouteChoice picked = m_forms->choice();
        const Mapping::FormRouting after { picked.pipelineId, picked.stageId, picked.responsibleUserId };
        if (after == m_formRouting)
            return;
        m_undo->push(new SnapshotCommand<Mapping::FormRouting>(
            [this](const Mapping::FormRouting &r) { applyFormRouting(r); }, m_formRouting, after,
            tr("Route requests from web forms")));
    });
    connect(m_model, &RoutingTreeModel::edited, this, [this] {
        showSettings();
        Q_EMIT edited();
    });
}

Mapping::CategoryTree RoutingView::cachedTree(const std::shared_ptr<Storage::Database> &db)
{
    Mapping::CategoryTree tree;
    auto sources = Source::SourceRepo(db).list();
    if (!sources)
        return tree;
    for (const Source::SourceRecord &source : sources.value()) {
        auto cached = Store::CategoryCacheRepo(db).load(source.name);
        if (cached && cached->has_value()) {
            for (const Mapping::Category &category : (*cached)->tree.categories())
                tree.add(category);
        }
    }
    return tree;
}

void RoutingView::load(const Mapping::MappingSet &set, const Crm::CrmSchema &schema)
{
    m_schema = schema;
    m_formRouting = set.formRouting;
    const Mapping::CategoryTree tree = cachedTree(m_db);
    m_model->setTree(tree);
    m_model->setRouting(set.routing, schema);
    m_model->setHighlighted({});
    m_tree->expandAll();
    m_treeNote->setText(tree.categories().isEmpty()
                            ? tr("The shop's categories are read when the engine polls the shop; until "
                                 "then only the categories the rules name are listed.")
                            : tr("Set a pipeline, stage or responsible user on any category: the "
                                 "categories below it inherit what they do not set themselves."));
    m_default->setSchema(schema);
    m_forms->setSchema(schema);
    m_answer->clear();
    showSettings();
}

Mapping::CategoryRouting RoutingView::routing() const
{
    return m_model->routing();
}

void RoutingView::setProblems(const QList<Mapping::Problem> &problems)
{
    QList<Mapping::Problem> mine;
    for (const Mapping::Problem &problem : problems) {
        if (problem.area == QLatin1String("routing") || problem.area == QLatin1String("form-routing"))
            mine << problem;
    }
    m_model->setProblems(mine);
    RowProblems::showSummary(m_summary, mine);
}

void RoutingView::showSettings()
{
    const CategoryRouting routing = m_model->routing();
    m_default->setChoice(
        { routing.defaultPipelineId, routing.defaultStageId, routing.defaultResponsibleUserId });
    m_forms->setChoice({ m_formRouting.pipelineId, m_formRouting.stageId, m_formRouting.responsibleUserId });
    m_categoryWins->setChecked(routing.categoryWins);
    m_orderProperties->setChecked(!routing.pipelineProperty.isEmpty() || !routing.stageProperty.isEmpty()
                                  || !routing.responsibleProperty.isEmpty());
    m_categoryWins->setEnabled(m_orderProperties->isChecked());
}

void RoutingView::editSettings()
{
    CategoryRouting after = m_model->routing();
    const RouteChoice fallback = m_default->choice();
    after.defaultPipelineId = fallback.pipelineId;
    after.defaultStageId = fallback.stageId;
    after.defaultResponsibleUserId = fallback.responsibleUserId;
    after.categoryWins = m_categoryWins->isChecked();
    if (!m_orderProperties->isChecked()) {
        after.pipelineProperty.clear();
        after.stageProperty.clear();
        after.responsibleProperty.clear();
    } else if (after.pipelineProperty.isEmpty() && after.stageProperty.isEmpty()
               && after.responsibleProperty.isEmpty()) {
        after.pipelineProperty = kFresh.pipelineProperty;
        after.stageProperty = kFresh.stageProperty;
        after.responsibleProperty = kFresh.responsibleProperty;
    }
    if (!(after == m_model->routing()))
        m_model->changeRouting(after, tr("Change the default route"));
    showSettings();
}

void RoutingView::applyFormRouting(const Mapping::FormRouting &routing)
{
    m_formRouting = routing;
    showSettings();
    Q_EMIT edited();
}

QString RoutingView::explain(const QString &orderNumber)
{
    m_model->setHighlighted({});
    const QString number = orderNumber.trimmed();
    if (number.isEmpty())
        return {};
    Store::JobQuery query;
    query.text = number;
    query.limit = 50;
    auto jobs = Store::JobRepo(m_db).search(query);
    if (!jobs)
        return jobs.error().message;
    for (const Store::Job &job : jobs.value()) {
        if (job.kind != QLatin1String("order.created") || job.reference != number)
            continue;
        const Model::ShopOrder order = Model::ShopOrder::fromJson(job.payload);
        const Mapping::CategoryTree &tree = m_model->tree();
        const Mapping::RouteResult result = m_model->routing().route(order, tree, &m_schema);
        // The path the routing walked: the product's category up to the category that routed it.
        QStringList path;
        for (const Model::OrderLine &line : order.lines) {
            if (line.productId != result.productId || !path.isEmpty())
                continue;
            for (const QString &categoryId : line.categoryIds) {
                const QStringList chain = tree.ancestry(categoryId);
                const qsizetype at = chain.indexOf(result.categoryId);
                if (at >= 0) {
                    path = chain.mid(0, at + 1);
                    break;
                }
            }
        }
        m_model->setHighlighted(path);
        if (!path.isEmpty()) {
            const QModelIndex first = m_model->indexOf(path.first());
            m_tree->scrollTo(first);
            m_tree->setCurrentIndex(first);
        }
        return result.explanation;
    }
    return tr("Order %1 is not in the queue.").arg(number);
}

} // namespace Gui
