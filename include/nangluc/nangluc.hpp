// nangluc: plan and measure the training of a public workforce, exactly.
// The umbrella header: includes every public header of the library.
#pragma once

#include <nangluc/version.hpp>
#include <nangluc/fwd.hpp>
#include <nangluc/error.hpp>
#include <nangluc/language.hpp>
#include <nangluc/date.hpp>
#include <nangluc/handle.hpp>
#include <nangluc/extras.hpp>
#include <nangluc/vocabulary.hpp>
#include <nangluc/unit.hpp>
#include <nangluc/person.hpp>
#include <nangluc/assignment.hpp>
#include <nangluc/qualification.hpp>
#include <nangluc/training.hpp>
#include <nangluc/quota.hpp>
#include <nangluc/unit_tree.hpp>
#include <nangluc/registry.hpp>
#include <nangluc/io.hpp>
#include <nangluc/structure.hpp>
#include <nangluc/plan.hpp>
#include <nangluc/evaluation.hpp>
#include <nangluc/report.hpp>
